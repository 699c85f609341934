#include "search/labels.h"

namespace himoya {

const std::vector<std::string>& Labels::kinds() {
    static const std::vector<std::string> k{"topic", "type", "audience", "body", "lang", "jurisdiction", "status",
                                            "relation", "text_status", "extent", "gap", "istanbul", "facet"};
    return k;
}

const std::vector<std::string>& Labels::languages() {
    static const std::vector<std::string> l{"en", "ru", "tg"};
    return l;
}

// The fixed vocabularies: the values the corpus schema allows (and the
// jurisdictions and languages the knowledge base covers or is planned to).
Labels::Labels()
    : tables_{
        {"lang", {
            {"tg", {{"en", "Tajik"}, {"ru", "Таджикский"}, {"tg", "Тоҷикӣ"}}},
            {"ru", {{"en", "Russian"}, {"ru", "Русский"}, {"tg", "Русӣ"}}},
            {"en", {{"en", "English"}, {"ru", "Английский"}, {"tg", "Англисӣ"}}},
            {"uz", {{"en", "Uzbek"}, {"ru", "Узбекский"}, {"tg", "Ӯзбекӣ"}}},
            {"ky", {{"en", "Kyrgyz"}, {"ru", "Киргизский"}, {"tg", "Қирғизӣ"}}},
            {"kk", {{"en", "Kazakh"}, {"ru", "Казахский"}, {"tg", "Қазоқӣ"}}},
            {"bs", {{"en", "Bosnian"}, {"ru", "Боснийский"}, {"tg", "Боснӣ"}}},
            {"sr", {{"en", "Serbian"}, {"ru", "Сербский"}, {"tg", "Сербӣ"}}},
            {"hr", {{"en", "Croatian"}, {"ru", "Хорватский"}, {"tg", "Хорватӣ"}}},
            {"de", {{"en", "German"}, {"ru", "Немецкий"}, {"tg", "Олмонӣ"}}},
            {"fr", {{"en", "French"}, {"ru", "Французский"}, {"tg", "Фаронсавӣ"}}},
            {"fa", {{"en", "Persian"}, {"ru", "Персидский"}, {"tg", "Форсӣ"}}},
        }},
        {"type", {
            {"law", {{"en", "Law"}, {"ru", "Закон"}, {"tg", "Қонун"}}},
            {"code", {{"en", "Code"}, {"ru", "Кодекс"}, {"tg", "Кодекс"}}},
            {"bylaw", {{"en", "Bylaw"}, {"ru", "Подзаконный акт"}, {"tg", "Санади зерқонунӣ"}}},
            {"programme", {{"en", "Programme"}, {"ru", "Программа"}, {"tg", "Барнома"}}},
            {"standard", {{"en", "Standard"}, {"ru", "Стандарт"}, {"tg", "Стандарт"}}},
            {"manual", {{"en", "Manual"}, {"ru", "Руководство"}, {"tg", "Дастурамал"}}},
            {"report", {{"en", "Report"}, {"ru", "Доклад"}, {"tg", "Гузориш"}}},
            {"news", {{"en", "News"}, {"ru", "Новости"}, {"tg", "Ахбор"}}},
            {"treaty", {{"en", "Treaty"}, {"ru", "Международный договор"}, {"tg", "Шартномаи байналмилалӣ"}}},
            {"recommendation", {{"en", "Recommendation"}, {"ru", "Рекомендация"}, {"tg", "Тавсия"}}},
            {"resolution", {{"en", "Resolution"}, {"ru", "Резолюция"}, {"tg", "Қатънома"}}},
            {"guide", {{"en", "Guide"}, {"ru", "Методическое пособие"}, {"tg", "Роҳнамо"}}},
            {"training", {{"en", "Training material"}, {"ru", "Учебный материал"}, {"tg", "Маводи таълимӣ"}}},
            {"act", {{"en", "Act"}, {"ru", "Акт"}, {"tg", "Санад"}}},
            {"bill", {{"en", "Bill"}, {"ru", "Законопроект"}, {"tg", "Лоиҳаи қонун"}}},
            {"doc", {{"en", "Document"}, {"ru", "Документ"}, {"tg", "Ҳуҷҷат"}}},
            {"judgment", {{"en", "Judgment"}, {"ru", "Судебное решение"}, {"tg", "Қарори суд"}}},
            {"decision", {{"en", "Decision"}, {"ru", "Решение"}, {"tg", "Қарор"}}},
            {"decree", {{"en", "Decree"}, {"ru", "Указ"}, {"tg", "Фармон"}}},
            {"strategy", {{"en", "Strategy"}, {"ru", "Стратегия"}, {"tg", "Стратегия"}}},
        }},
        {"status", {
            {"in-force", {{"en", "In force"}, {"ru", "Действует"}, {"tg", "Амалкунанда"}}},
            {"amended", {{"en", "In force, amended"}, {"ru", "Действует, с изменениями"}, {"tg", "Амалкунанда, бо тағйирот"}}},
            {"repealed", {{"en", "Repealed"}, {"ru", "Утратил силу"}, {"tg", "Эътибори худро гум кардааст"}}},
            {"expired", {{"en", "Expired"}, {"ru", "Срок действия истёк"}, {"tg", "Мӯҳлаташ гузаштааст"}}},
            {"not-yet-in-force", {{"en", "Not yet in force"}, {"ru", "Ещё не вступил в силу"}, {"tg", "Ҳанӯз эътибор пайдо накардааст"}}},
        }},
        {"relation", {
            {"repealed-by", {{"en", "Repealed by"}, {"ru", "Отменён актом"}, {"tg", "Бекор карда шуд бо"}}},
            {"repeals", {{"en", "Repeals"}, {"ru", "Отменяет"}, {"tg", "Бекор мекунад"}}},
            {"amended-by", {{"en", "Amended by"}, {"ru", "Изменён актом"}, {"tg", "Тағйир дода шуд бо"}}},
            {"amends", {{"en", "Amends"}, {"ru", "Изменяет"}, {"tg", "Тағйир медиҳад"}}},
            {"replaced-by", {{"en", "Replaced by"}, {"ru", "Заменён актом"}, {"tg", "Иваз карда шуд бо"}}},
            {"replaces", {{"en", "Replaces"}, {"ru", "Заменяет"}, {"tg", "Иваз мекунад"}}},
        }},
        {"text_status", {
            {"official", {{"en", "Official text"}, {"ru", "Официальный текст"}, {"tg", "Матни расмӣ"}}},
            {"official-translation", {{"en", "Official translation"}, {"ru", "Официальный перевод"}, {"tg", "Тарҷумаи расмӣ"}}},
            {"unofficial-translation", {{"en", "Unofficial translation"}, {"ru", "Неофициальный перевод"}, {"tg", "Тарҷумаи ғайрирасмӣ"}}},
            {"summary", {{"en", "Summary"}, {"ru", "Краткое изложение"}, {"tg", "Хулоса"}}},
        }},
        {"extent", {
            {"whole", {{"en", "Whole text"}, {"ru", "Полный текст"}, {"tg", "Матни пурра"}}},
            {"selected", {{"en", "Selected provisions"}, {"ru", "Избранные положения"}, {"tg", "Муқаррароти интихобшуда"}}},
        }},
        // What a coverage gap rests on (search/compare.h, GapKind).
        {"gap", {
            {"silent", {{"en", "The law is silent"}, {"ru", "Закон об этом молчит"}, {"tg", "Қонун дар ин бора хомӯш аст"}}},
            {"not-found", {{"en", "Not in the provisions held"}, {"ru", "Нет среди имеющихся положений"}, {"tg", "Дар муқаррароти мавҷуда нест"}}},
            {"not-held", {{"en", "Covered in parts not held"}, {"ru", "Регулируется в частях, которых нет в собрании"}, {"tg", "Дар қисмҳое танзим шудааст, ки дар маҷмӯа нестанд"}}},
            {"stated", {{"en", "No provision, as a text held says"}, {"ru", "Положения нет, как указано в тексте"}, {"tg", "Муқаррара нест, чунон ки дар матн гуфта шудааст"}}},
        }},
        {"jurisdiction", {
            {"TJ", {{"en", "Tajikistan"}, {"ru", "Таджикистан"}, {"tg", "Тоҷикистон"}}},
            {"INT", {{"en", "International"}, {"ru", "Международные"}, {"tg", "Байналмилалӣ"}}},
            {"BA", {{"en", "Bosnia and Herzegovina"}, {"ru", "Босния и Герцеговина"}, {"tg", "Босния ва Ҳерсеговина"}}},
            {"BA-BIH", {{"en", "Federation of Bosnia and Herzegovina"}, {"ru", "Федерация Боснии и Герцеговины"}, {"tg", "Федератсияи Босния ва Ҳерсеговина"}}},
            {"BA-SRP", {{"en", "Republika Srpska"}, {"ru", "Республика Сербская"}, {"tg", "Ҷумҳурии Серб"}}},
            {"BA-BRC", {{"en", "Brčko District"}, {"ru", "Округ Брчко"}, {"tg", "Ноҳияи Брчко"}}},
            {"KZ", {{"en", "Kazakhstan"}, {"ru", "Казахстан"}, {"tg", "Қазоқистон"}}},
            {"KG", {{"en", "Kyrgyzstan"}, {"ru", "Кыргызстан"}, {"tg", "Қирғизистон"}}},
            {"UZ", {{"en", "Uzbekistan"}, {"ru", "Узбекистан"}, {"tg", "Ӯзбекистон"}}},
            {"TM", {{"en", "Turkmenistan"}, {"ru", "Туркменистан"}, {"tg", "Туркманистон"}}},
            {"AF", {{"en", "Afghanistan"}, {"ru", "Афганистан"}, {"tg", "Афғонистон"}}},
            {"RU", {{"en", "Russia"}, {"ru", "Россия"}, {"tg", "Русия"}}},
            {"GE", {{"en", "Georgia"}, {"ru", "Грузия"}, {"tg", "Гурҷистон"}}},
            {"AM", {{"en", "Armenia"}, {"ru", "Армения"}, {"tg", "Арманистон"}}},
            {"AZ", {{"en", "Azerbaijan"}, {"ru", "Азербайджан"}, {"tg", "Озарбойҷон"}}},
            {"MD", {{"en", "Moldova"}, {"ru", "Молдова"}, {"tg", "Молдова"}}},
            {"UA", {{"en", "Ukraine"}, {"ru", "Украина"}, {"tg", "Украина"}}},
            {"GB", {{"en", "United Kingdom"}, {"ru", "Великобритания"}, {"tg", "Британияи Кабир"}}},
            {"US", {{"en", "United States"}, {"ru", "США"}, {"tg", "ИМА"}}},
            {"US-FL", {{"en", "Florida (US)"}, {"ru", "Флорида (США)"}, {"tg", "Флорида (ИМА)"}}},
            {"AT", {{"en", "Austria"}, {"ru", "Австрия"}, {"tg", "Австрия"}}},
            {"ES", {{"en", "Spain"}, {"ru", "Испания"}, {"tg", "Испания"}}},
            {"EU", {{"en", "European Union"}, {"ru", "Европейский союз"}, {"tg", "Иттиҳоди Аврупо"}}},
        }},
        {"audience", {
            {"police", {{"en", "Police"}, {"ru", "Полиция"}, {"tg", "Милиса"}}},
            {"shelters-ngos", {{"en", "Shelters and NGOs"}, {"ru", "Приюты и НКО"}, {"tg", "Паноҳгоҳҳо ва ташкилотҳои ғайриҳукуматӣ"}}},
            {"social-work", {{"en", "Social workers"}, {"ru", "Социальные работники"}, {"tg", "Кормандони иҷтимоӣ"}}},
            {"legislators", {{"en", "Legislators"}, {"ru", "Законодатели"}, {"tg", "Қонунгузорон"}}},
            {"general-public", {{"en", "General public"}, {"ru", "Широкая общественность"}, {"tg", "Аҳли ҷомеа"}}},
            {"judiciary", {{"en", "Judges"}, {"ru", "Судьи"}, {"tg", "Судяҳо"}}},
            {"prosecutors", {{"en", "Prosecutors"}, {"ru", "Прокуроры"}, {"tg", "Прокурорҳо"}}},
            {"health-workers", {{"en", "Health workers"}, {"ru", "Медицинские работники"}, {"tg", "Кормандони тиб"}}},
            {"lawyers", {{"en", "Lawyers"}, {"ru", "Юристы"}, {"tg", "Ҳуқуқшиносон"}}},
            {"survivors", {{"en", "Survivors"}, {"ru", "Пострадавшие"}, {"tg", "Ҷабрдидагон"}}},
            {"health", {{"en", "Health workers"}, {"ru", "Медицинские работники"}, {"tg", "Кормандони тиб"}}},
        }},
        {"facet", {
            {"jurisdiction", {{"en", "Jurisdiction"}, {"ru", "Юрисдикция"}, {"tg", "Қаламрав"}}},
            {"lang", {{"en", "Language"}, {"ru", "Язык"}, {"tg", "Забон"}}},
            {"type", {{"en", "Document type"}, {"ru", "Тип документа"}, {"tg", "Намуди ҳуҷҷат"}}},
            {"year", {{"en", "Year"}, {"ru", "Год"}, {"tg", "Сол"}}},
            {"topic", {{"en", "Topic"}, {"ru", "Тема"}, {"tg", "Мавзӯъ"}}},
            {"body", {{"en", "Issuing body"}, {"ru", "Принявший орган"}, {"tg", "Мақоми қабулкунанда"}}},
            {"audience", {{"en", "Audience"}, {"ru", "Аудитория"}, {"tg", "Гурӯҳи мақсаднок"}}},
            {"status", {{"en", "Legal status"}, {"ru", "Правовой статус"}, {"tg", "Вазъи ҳуқуқӣ"}}},
        }},
      } {}

void Labels::add_thesaurus(const Thesaurus& thesaurus) {
    auto& topics = tables_["topic"];
    for (const Concept& c : thesaurus.concepts())
        for (const auto& [lang, label] : c.pref_label) topics[c.id][lang] = label;
}

void Labels::add_table(const std::string& kind, const terms::LabelTable& table) {
    auto& into = tables_[kind];
    for (const auto& [value, labels] : table)
        for (const auto& [lang, label] : labels) into[value][lang] = label;
}

std::string Labels::label(const std::string& kind, const std::string& value, const std::string& lang) const {
    auto k = tables_.find(kind);
    if (k == tables_.end()) return value;
    auto v = k->second.find(value);
    if (v == k->second.end()) return value;
    for (const std::string& l : {lang, std::string("en")})
        if (auto it = v->second.find(l); it != v->second.end() && !it->second.empty()) return it->second;
    return value;
}

bool Labels::has(const std::string& kind, const std::string& value, const std::string& lang) const {
    auto k = tables_.find(kind);
    if (k == tables_.end()) return false;
    auto v = k->second.find(value);
    if (v == k->second.end()) return false;
    auto it = v->second.find(lang);
    return it != v->second.end() && !it->second.empty();
}

}  // namespace himoya
