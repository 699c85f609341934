// UI labels and value labels in English, Russian and Tajik.
// Every visible string of the interface comes from here; plain text only
// (callers insert it with textContent).

export const UI_LANGS = ['en', 'ru', 'tg'];

// Name of each UI language in itself, for the language switch.
export const UI_LANG_NAMES = { en: 'English', ru: 'Русский', tg: 'Тоҷикӣ' };

const L = {
  en: {
    brand: 'Himoya',
    tagline: 'Legislation and practice on domestic violence',
    skip: 'Skip to results',
    skipDoc: 'Skip to text',
    uiLanguage: 'Interface language',
    searchLabel: 'Search legislation and practice',
    searchPlaceholder: 'e.g. protection order',
    searchButton: 'Search',
    syntaxHelp: 'Words are combined with AND. Use "quotes" for a phrase, OR for alternatives, -word or NOT word to exclude, title:word to search titles.',
    filters: 'Filters',
    clearFilters: 'Clear all filters',
    facet_jurisdiction: 'Jurisdiction',
    facet_lang: 'Language',
    facet_type: 'Document type',
    facet_year: 'Year',
    facet_topic: 'Topic',
    facet_body: 'Issuing body',
    facet_audience: 'Audience',
    yearRange: 'Years {range}',
    removeRangeAria: 'Remove the year range {range}',
    remove: 'Remove',
    noDate: 'No date',
    showAll: 'Show all ({n})',
    showFewer: 'Show fewer',
    noValues: 'No values',
    sortBy: 'Sort by',
    sort_relevance: 'Relevance',
    sort_date: 'Date (newest first)',
    results: { one: '{n} result', other: '{n} results' },
    resultsFor: '{n} for “{q}”',
    took: '{ms} ms',
    didYouMean: 'Did you mean:',
    noResults: 'Nothing was found.',
    noResultsHint: 'Try other or fewer words, check the spelling, or remove some filters.',
    loading: 'Searching…',
    errorSearch: 'The search could not be run: {msg}',
    errorNetwork: 'The server could not be reached. Check your connection and try again.',
    errorServer: 'The server reported an error ({code}).',
    pagination: 'Result pages',
    prev: 'Previous',
    next: 'Next',
    pageN: 'Page {n}',
    pageOf: 'Page {n} of {m}',
    kind_document: 'Whole document',
    resultsHeading: 'Results',
    // document page
    backToSearch: 'Back to search',
    contents: 'Contents',
    documentInfo: 'About this document',
    meta_jurisdiction: 'Jurisdiction',
    meta_lang: 'Language',
    meta_type: 'Document type',
    meta_date: 'Date',
    meta_body: 'Issuing body',
    meta_status: 'Text status',
    meta_topics: 'Topics',
    meta_audience: 'Audience',
    meta_source: 'Source',
    meta_translationOf: 'Translated from',
    src_officialTitle: 'Official title',
    src_number: 'Number',
    src_publisher: 'Publisher',
    src_note: 'Note',
    src_link: 'Open the source',
    versions: 'Other language versions',
    noProvisions: 'This document has no text in the index.',
    docNotFound: 'Document not found',
    docNotFoundHint: 'There is no document with the id “{id}”. It may have been removed or the link is mistyped.',
    docNoId: 'No document was requested.',
    errorDoc: 'The document could not be loaded: {msg}',
    linkToProvision: 'Link to this provision',
    loadingDoc: 'Loading document…',
    footer: 'Himoya — texts are summaries and translations in our own words; always check the official source.',
  },
  ru: {
    brand: 'Химоя',
    tagline: 'Законодательство и практика по домашнему насилию',
    skip: 'Перейти к результатам',
    skipDoc: 'Перейти к тексту',
    uiLanguage: 'Язык интерфейса',
    searchLabel: 'Поиск по законодательству и практике',
    searchPlaceholder: 'например, защитное предписание',
    searchButton: 'Найти',
    syntaxHelp: 'Слова объединяются по И. «Кавычки» — точная фраза, OR — любое из слов, -слово или NOT слово — исключить, title:слово — поиск в названиях.',
    filters: 'Фильтры',
    clearFilters: 'Сбросить все фильтры',
    facet_jurisdiction: 'Юрисдикция',
    facet_lang: 'Язык',
    facet_type: 'Тип документа',
    facet_year: 'Год',
    facet_topic: 'Тема',
    facet_body: 'Принявший орган',
    facet_audience: 'Для кого',
    yearRange: 'Годы {range}',
    removeRangeAria: 'Убрать диапазон лет {range}',
    remove: 'Убрать',
    noDate: 'Без даты',
    showAll: 'Показать все ({n})',
    showFewer: 'Свернуть',
    noValues: 'Нет значений',
    sortBy: 'Сортировка',
    sort_relevance: 'По релевантности',
    sort_date: 'По дате (сначала новые)',
    results: { one: '{n} результат', few: '{n} результата', many: '{n} результатов', other: '{n} результата' },
    resultsFor: '{n} по запросу «{q}»',
    took: '{ms} мс',
    didYouMean: 'Возможно, вы имели в виду:',
    noResults: 'Ничего не найдено.',
    noResultsHint: 'Попробуйте другие или меньше слов, проверьте написание или снимите часть фильтров.',
    loading: 'Идёт поиск…',
    errorSearch: 'Не удалось выполнить поиск: {msg}',
    errorNetwork: 'Сервер недоступен. Проверьте подключение и повторите попытку.',
    errorServer: 'Сервер сообщил об ошибке ({code}).',
    pagination: 'Страницы результатов',
    prev: 'Назад',
    next: 'Далее',
    pageN: 'Страница {n}',
    pageOf: 'Страница {n} из {m}',
    kind_document: 'Документ целиком',
    resultsHeading: 'Результаты',
    backToSearch: 'Назад к поиску',
    contents: 'Содержание',
    documentInfo: 'О документе',
    meta_jurisdiction: 'Юрисдикция',
    meta_lang: 'Язык',
    meta_type: 'Тип документа',
    meta_date: 'Дата',
    meta_body: 'Принявший орган',
    meta_status: 'Статус текста',
    meta_topics: 'Темы',
    meta_audience: 'Для кого',
    meta_source: 'Источник',
    meta_translationOf: 'Перевод с',
    src_officialTitle: 'Официальное название',
    src_number: 'Номер',
    src_publisher: 'Издатель',
    src_note: 'Примечание',
    src_link: 'Открыть источник',
    versions: 'Другие языковые версии',
    noProvisions: 'Текст этого документа отсутствует в индексе.',
    docNotFound: 'Документ не найден',
    docNotFoundHint: 'Документа с идентификатором «{id}» нет. Возможно, он удалён или ссылка набрана с ошибкой.',
    docNoId: 'Документ не указан.',
    errorDoc: 'Не удалось загрузить документ: {msg}',
    linkToProvision: 'Ссылка на это положение',
    loadingDoc: 'Загрузка документа…',
    footer: 'Химоя — тексты являются изложениями и переводами своими словами; всегда сверяйтесь с официальным источником.',
  },
  tg: {
    brand: 'Ҳимоя',
    tagline: 'Қонунгузорӣ ва амалия оид ба зӯроварӣ дар оила',
    skip: 'Гузариш ба натиҷаҳо',
    skipDoc: 'Гузариш ба матн',
    uiLanguage: 'Забони интерфейс',
    searchLabel: 'Ҷустуҷӯ дар қонунгузорӣ ва амалия',
    searchPlaceholder: 'масалан, ордери ҳимоявӣ',
    searchButton: 'Ҷустуҷӯ',
    syntaxHelp: 'Калимаҳо бо «ВА» пайваст мешаванд. «Нохунак» — ибораи дақиқ, OR — яке аз калимаҳо, -калима ё NOT калима — истисно, title:калима — ҷустуҷӯ дар номҳо.',
    filters: 'Филтрҳо',
    clearFilters: 'Бекор кардани ҳамаи филтрҳо',
    facet_jurisdiction: 'Қаламрав',
    facet_lang: 'Забон',
    facet_type: 'Навъи ҳуҷҷат',
    facet_year: 'Сол',
    facet_topic: 'Мавзӯъ',
    facet_body: 'Мақоми қабулкунанда',
    facet_audience: 'Барои кӣ',
    yearRange: 'Солҳои {range}',
    removeRangeAria: 'Бекор кардани фосилаи солҳои {range}',
    remove: 'Бекор кардан',
    noDate: 'Бе сана',
    showAll: 'Ҳамаашро нишон додан ({n})',
    showFewer: 'Камтар нишон додан',
    noValues: 'Қимат нест',
    sortBy: 'Тартиб',
    sort_relevance: 'Аз рӯи мувофиқат',
    sort_date: 'Аз рӯи сана (аввал навтарин)',
    results: { other: '{n} натиҷа' },
    resultsFor: '{n} барои «{q}»',
    took: '{ms} мс',
    didYouMean: 'Шояд шумо инро дар назар доштед:',
    noResults: 'Ҳеҷ чиз ёфт нашуд.',
    noResultsHint: 'Калимаҳои дигар ё камтар нависед, имлоро тафтиш кунед ё баъзе филтрҳоро бекор кунед.',
    loading: 'Ҷустуҷӯ идома дорад…',
    errorSearch: 'Ҷустуҷӯ иҷро нашуд: {msg}',
    errorNetwork: 'Сервер дастнорас аст. Пайвастро тафтиш карда, бори дигар кӯшиш кунед.',
    errorServer: 'Сервер дар бораи хато хабар дод ({code}).',
    pagination: 'Саҳифаҳои натиҷаҳо',
    prev: 'Қаблӣ',
    next: 'Баъдӣ',
    pageN: 'Саҳифаи {n}',
    pageOf: 'Саҳифаи {n} аз {m}',
    kind_document: 'Тамоми ҳуҷҷат',
    resultsHeading: 'Натиҷаҳо',
    backToSearch: 'Бозгашт ба ҷустуҷӯ',
    contents: 'Мундариҷа',
    documentInfo: 'Дар бораи ҳуҷҷат',
    meta_jurisdiction: 'Қаламрав',
    meta_lang: 'Забон',
    meta_type: 'Навъи ҳуҷҷат',
    meta_date: 'Сана',
    meta_body: 'Мақоми қабулкунанда',
    meta_status: 'Вазъи матн',
    meta_topics: 'Мавзӯъҳо',
    meta_audience: 'Барои кӣ',
    meta_source: 'Манбаъ',
    meta_translationOf: 'Тарҷума аз',
    src_officialTitle: 'Номи расмӣ',
    src_number: 'Рақам',
    src_publisher: 'Нашркунанда',
    src_note: 'Эзоҳ',
    src_link: 'Кушодани манбаъ',
    versions: 'Нусхаҳо бо забонҳои дигар',
    noProvisions: 'Матни ин ҳуҷҷат дар индекс нест.',
    docNotFound: 'Ҳуҷҷат ёфт нашуд',
    docNotFoundHint: 'Ҳуҷҷате бо рамзи «{id}» вуҷуд надорад. Шояд он хориҷ карда шудааст ё истинод хато навишта шудааст.',
    docNoId: 'Ҳуҷҷат нишон дода нашудааст.',
    errorDoc: 'Ҳуҷҷат бор карда нашуд: {msg}',
    linkToProvision: 'Истинод ба ин муқаррара',
    loadingDoc: 'Ҳуҷҷат бор карда мешавад…',
    footer: 'Ҳимоя — матнҳо хулоса ва тарҷума бо суханони худи мо мебошанд; ҳамеша бо манбаи расмӣ муқоиса кунед.',
  },
};

// Labels of facet values: language codes, document types, text statuses,
// jurisdictions, topics and audiences. Unknown values fall back to
// Intl.DisplayNames (languages, regions) or to the raw value.
const VALUES = {
  lang: {
    tg: { en: 'Tajik', ru: 'Таджикский', tg: 'Тоҷикӣ' },
    ru: { en: 'Russian', ru: 'Русский', tg: 'Русӣ' },
    en: { en: 'English', ru: 'Английский', tg: 'Англисӣ' },
    uz: { en: 'Uzbek', ru: 'Узбекский', tg: 'Ӯзбекӣ' },
    ky: { en: 'Kyrgyz', ru: 'Киргизский', tg: 'Қирғизӣ' },
    kk: { en: 'Kazakh', ru: 'Казахский', tg: 'Қазоқӣ' },
    bs: { en: 'Bosnian', ru: 'Боснийский', tg: 'Боснӣ' },
    sr: { en: 'Serbian', ru: 'Сербский', tg: 'Сербӣ' },
    hr: { en: 'Croatian', ru: 'Хорватский', tg: 'Хорватӣ' },
    de: { en: 'German', ru: 'Немецкий', tg: 'Олмонӣ' },
    fr: { en: 'French', ru: 'Французский', tg: 'Фаронсавӣ' },
    fa: { en: 'Persian', ru: 'Персидский', tg: 'Форсӣ' },
  },
  type: {
    law: { en: 'Law', ru: 'Закон', tg: 'Қонун' },
    code: { en: 'Code', ru: 'Кодекс', tg: 'Кодекс' },
    bylaw: { en: 'Bylaw', ru: 'Подзаконный акт', tg: 'Санади зерқонунӣ' },
    programme: { en: 'Programme', ru: 'Программа', tg: 'Барнома' },
    standard: { en: 'Standard', ru: 'Стандарт', tg: 'Стандарт' },
    manual: { en: 'Manual', ru: 'Руководство', tg: 'Дастурамал' },
    report: { en: 'Report', ru: 'Доклад', tg: 'Гузориш' },
    news: { en: 'News', ru: 'Новости', tg: 'Ахбор' },
    treaty: { en: 'Treaty', ru: 'Международный договор', tg: 'Шартномаи байналмилалӣ' },
    recommendation: { en: 'Recommendation', ru: 'Рекомендация', tg: 'Тавсия' },
    resolution: { en: 'Resolution', ru: 'Резолюция', tg: 'Қатънома' },
    guide: { en: 'Guide', ru: 'Методическое пособие', tg: 'Роҳнамо' },
    training: { en: 'Training material', ru: 'Учебный материал', tg: 'Маводи таълимӣ' },
    act: { en: 'Act', ru: 'Акт', tg: 'Санад' },
    bill: { en: 'Bill', ru: 'Законопроект', tg: 'Лоиҳаи қонун' },
    doc: { en: 'Document', ru: 'Документ', tg: 'Ҳуҷҷат' },
    judgment: { en: 'Judgment', ru: 'Судебное решение', tg: 'Қарори суд' },
    decision: { en: 'Decision', ru: 'Решение', tg: 'Қарор' },
    decree: { en: 'Decree', ru: 'Указ', tg: 'Фармон' },
    strategy: { en: 'Strategy', ru: 'Стратегия', tg: 'Стратегия' },
  },
  status: {
    official: { en: 'Official text', ru: 'Официальный текст', tg: 'Матни расмӣ' },
    'official-translation': { en: 'Official translation', ru: 'Официальный перевод', tg: 'Тарҷумаи расмӣ' },
    'unofficial-translation': { en: 'Unofficial translation', ru: 'Неофициальный перевод', tg: 'Тарҷумаи ғайрирасмӣ' },
    summary: { en: 'Summary', ru: 'Краткое изложение', tg: 'Хулоса' },
  },
  jurisdiction: {
    TJ: { en: 'Tajikistan', ru: 'Таджикистан', tg: 'Тоҷикистон' },
    INT: { en: 'International', ru: 'Международные', tg: 'Байналмилалӣ' },
    BA: { en: 'Bosnia and Herzegovina', ru: 'Босния и Герцеговина', tg: 'Босния ва Ҳерсеговина' },
    'BA-BIH': { en: 'Federation of Bosnia and Herzegovina', ru: 'Федерация Боснии и Герцеговины', tg: 'Федератсияи Босния ва Ҳерсеговина' },
    'BA-SRP': { en: 'Republika Srpska', ru: 'Республика Сербская', tg: 'Ҷумҳурии Серб' },
    'BA-BRC': { en: 'Brčko District', ru: 'Округ Брчко', tg: 'Ноҳияи Брчко' },
    KZ: { en: 'Kazakhstan', ru: 'Казахстан', tg: 'Қазоқистон' },
    KG: { en: 'Kyrgyzstan', ru: 'Кыргызстан', tg: 'Қирғизистон' },
    UZ: { en: 'Uzbekistan', ru: 'Узбекистан', tg: 'Ӯзбекистон' },
    TM: { en: 'Turkmenistan', ru: 'Туркменистан', tg: 'Туркманистон' },
    AF: { en: 'Afghanistan', ru: 'Афганистан', tg: 'Афғонистон' },
    RU: { en: 'Russia', ru: 'Россия', tg: 'Русия' },
    GE: { en: 'Georgia', ru: 'Грузия', tg: 'Гурҷистон' },
    AM: { en: 'Armenia', ru: 'Армения', tg: 'Арманистон' },
    AZ: { en: 'Azerbaijan', ru: 'Азербайджан', tg: 'Озарбойҷон' },
    MD: { en: 'Moldova', ru: 'Молдова', tg: 'Молдова' },
    UA: { en: 'Ukraine', ru: 'Украина', tg: 'Украина' },
    GB: { en: 'United Kingdom', ru: 'Великобритания', tg: 'Британияи Кабир' },
    US: { en: 'United States', ru: 'США', tg: 'ИМА' },
    'US-FL': { en: 'Florida (US)', ru: 'Флорида (США)', tg: 'Флорида (ИМА)' },
    AT: { en: 'Austria', ru: 'Австрия', tg: 'Австрия' },
    ES: { en: 'Spain', ru: 'Испания', tg: 'Испания' },
    EU: { en: 'European Union', ru: 'Европейский союз', tg: 'Иттиҳоди Аврупо' },
  },
  topic: {
    'administrative-liability': { en: 'Administrative liability', ru: 'Административная ответственность', tg: 'Ҷавобгарии маъмурӣ' },
    'breach-of-protection-order': { en: 'Breach of a protection order', ru: 'Нарушение защитного предписания', tg: 'Вайрон кардани ордери ҳимоявӣ' },
    'case-registration': { en: 'Case registration', ru: 'Регистрация случаев', tg: 'Бақайдгирии ҳодисаҳо' },
    'children': { en: 'Children', ru: 'Дети', tg: 'Кӯдакон' },
    'criminal-liability': { en: 'Criminal liability', ru: 'Уголовная ответственность', tg: 'Ҷавобгарии ҷиноятӣ' },
    'crisis-centres': { en: 'Crisis centres', ru: 'Кризисные центры', tg: 'Марказҳои бӯҳронӣ' },
    'data-collection': { en: 'Data collection', ru: 'Сбор данных', tg: 'Ҷамъоварии маълумот' },
    'definitions': { en: 'Definitions', ru: 'Определения', tg: 'Мафҳумҳо' },
    'domestic-violence': { en: 'Domestic violence', ru: 'Домашнее насилие', tg: 'Зӯроварӣ дар оила' },
    'economic-violence': { en: 'Economic violence', ru: 'Экономическое насилие', tg: 'Зӯроварии иқтисодӣ' },
    'emergency-protection-orders': { en: 'Emergency protection orders', ru: 'Экстренные защитные предписания', tg: 'Ордерҳои ҳимоявии фаврӣ' },
    'family-definition': { en: 'Definition of family', ru: 'Понятие семьи', tg: 'Мафҳуми оила' },
    'gender-equality': { en: 'Gender equality', ru: 'Гендерное равенство', tg: 'Баробарии гендерӣ' },
    'hotlines': { en: 'Hotlines', ru: 'Горячие линии', tg: 'Хатҳои боварӣ' },
    'legal-aid': { en: 'Legal aid', ru: 'Юридическая помощь', tg: 'Ёрии ҳуқуқӣ' },
    'long-term-protection-orders': { en: 'Long-term protection orders', ru: 'Долгосрочные защитные предписания', tg: 'Ордерҳои ҳимоявии дарозмуддат' },
    'marital-rape': { en: 'Marital rape', ru: 'Изнасилование в браке', tg: 'Таҷовузи ҷинсӣ дар никоҳ' },
    'medical-aid': { en: 'Medical aid', ru: 'Медицинская помощь', tg: 'Ёрии тиббӣ' },
    'multi-sectoral-coordination': { en: 'Multi-sectoral coordination', ru: 'Межведомственная координация', tg: 'Ҳамоҳангсозии байнисоҳавӣ' },
    'perpetrator-programmes': { en: 'Perpetrator programmes', ru: 'Программы для лиц, совершивших насилие', tg: 'Барномаҳо барои зӯроварон' },
    'physical-violence': { en: 'Physical violence', ru: 'Физическое насилие', tg: 'Зӯроварии ҷисмонӣ' },
    'police-response': { en: 'Police response', ru: 'Реагирование полиции', tg: 'Вокуниши милитсия' },
    'police-warning': { en: 'Police warning', ru: 'Предупреждение полиции', tg: 'Огоҳии милитсия' },
    'prevention-awareness': { en: 'Prevention and awareness', ru: 'Профилактика и информирование', tg: 'Пешгирӣ ва огоҳонӣ' },
    'professional-training': { en: 'Professional training', ru: 'Обучение специалистов', tg: 'Омӯзиши мутахассисон' },
    'protection-orders': { en: 'Protection orders', ru: 'Защитные предписания', tg: 'Ордерҳои ҳимоявӣ' },
    'psychological-aid': { en: 'Psychological aid', ru: 'Психологическая помощь', tg: 'Ёрии равонӣ' },
    'psychological-violence': { en: 'Psychological violence', ru: 'Психологическое насилие', tg: 'Зӯроварии равонӣ' },
    'referral-mechanisms': { en: 'Referral mechanisms', ru: 'Механизмы перенаправления', tg: 'Механизмҳои равонакунӣ' },
    'risk-assessment': { en: 'Risk assessment', ru: 'Оценка рисков', tg: 'Арзёбии хатар' },
    'sexual-violence': { en: 'Sexual violence', ru: 'Сексуальное насилие', tg: 'Зӯроварии ҷинсӣ' },
    'shelters': { en: 'Shelters', ru: 'Приюты', tg: 'Паноҳгоҳҳо' },
    'stalking': { en: 'Stalking', ru: 'Преследование', tg: 'Таъқиб' },
    'state-programmes': { en: 'State programmes', ru: 'Государственные программы', tg: 'Барномаҳои давлатӣ' },
    'study-visits': { en: 'Study visits', ru: 'Учебные поездки', tg: 'Сафарҳои омӯзишӣ' },
    'temporary-protection-orders': { en: 'Temporary protection orders', ru: 'Временные защитные предписания', tg: 'Ордерҳои ҳимоявии муваққатӣ' },
    'victim-support': { en: 'Victim support', ru: 'Помощь пострадавшим', tg: 'Дастгирии ҷабрдидагон' },
    'women-peace-security': { en: 'Women, peace and security', ru: 'Женщины, мир и безопасность', tg: 'Занон, сулҳ ва амният' },
    'womens-resource-centres': { en: 'Women\'s resource centres', ru: 'Ресурсные центры для женщин', tg: 'Марказҳои захиравии занон' },
    'emergency-barring-order': { en: 'Emergency barring orders', ru: 'Экстренный запрет на приближение', tg: 'Манъи фаврии наздикшавӣ' },
    'prevention': { en: 'Prevention', ru: 'Профилактика', tg: 'Пешгирӣ' },
  },
  audience: {
    'police': { en: 'Police', ru: 'Полиция', tg: 'Милитсия' },
    'shelters-ngos': { en: 'Shelters and NGOs', ru: 'Приюты и НКО', tg: 'Паноҳгоҳҳо ва ташкилотҳои ғайриҳукуматӣ' },
    'social-work': { en: 'Social workers', ru: 'Социальные работники', tg: 'Кормандони иҷтимоӣ' },
    'legislators': { en: 'Legislators', ru: 'Законодатели', tg: 'Қонунгузорон' },
    'general-public': { en: 'General public', ru: 'Широкая общественность', tg: 'Аҳли ҷомеа' },
    'judiciary': { en: 'Judges', ru: 'Судьи', tg: 'Судяҳо' },
    'prosecutors': { en: 'Prosecutors', ru: 'Прокуроры', tg: 'Прокурорҳо' },
    'health-workers': { en: 'Health workers', ru: 'Медицинские работники', tg: 'Кормандони тиб' },
    'lawyers': { en: 'Lawyers', ru: 'Юристы', tg: 'Ҳуқуқшиносон' },
    'survivors': { en: 'Survivors', ru: 'Пострадавшие', tg: 'Ҷабрдидагон' },
  },
};

let current = 'en';

export function setLang(lang) { current = UI_LANGS.includes(lang) ? lang : 'en'; }
export function getLang() { return current; }

// The UI language a visitor gets when the URL does not name one.
export function defaultLang(languages = (typeof navigator !== 'undefined' ? navigator.languages || [navigator.language] : [])) {
  for (const l of languages || []) {
    const base = String(l || '').toLowerCase().split('-')[0];
    if (UI_LANGS.includes(base)) return base;
  }
  return 'en';
}

function fill(s, vars) {
  return String(s).replace(/\{(\w+)\}/g, (m, k) => (vars && k in vars ? String(vars[k]) : m));
}

// t('key', {n: 3}) → the label in the current language, falling back to English.
export function t(key, vars) {
  let v = L[current][key];
  if (v === undefined) v = L.en[key];
  if (v === undefined) return key;
  if (typeof v === 'object') {
    const n = vars && typeof vars.n === 'number' ? vars.n : 0;
    let cat = 'other';
    try { cat = new Intl.PluralRules(current === 'tg' ? 'tg' : current).select(n); } catch (e) { /* keep other */ }
    v = v[cat] || v.other;
    return fill(v, { ...vars, n: formatNumber(n) });
  }
  return fill(v, vars);
}

export function formatNumber(n) {
  // Tajik groups digits like Russian (12 345); browsers often lack tg data.
  try { return new Intl.NumberFormat(current === 'tg' ? 'ru-RU' : locale()).format(n); } catch (e) { return String(n); }
}

export function locale() { return current === 'tg' ? 'tg-TJ' : current === 'ru' ? 'ru-RU' : 'en-GB'; }

function humanize(value) {
  const s = String(value).replace(/[-_]+/g, ' ').trim();
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : String(value);
}

function displayName(type, code) {
  try {
    const dn = new Intl.DisplayNames([locale(), 'en'], { type, fallback: 'none' });
    const name = dn.of(code);
    if (name && name !== code) return name.charAt(0).toLocaleUpperCase(locale()) + name.slice(1);
  } catch (e) { /* unsupported code */ }
  return null;
}

// The label of a facet value: facet is one of lang, type, status,
// jurisdiction, topic, audience, year, body.
export function valueLabel(facet, value) {
  if (value === null || value === undefined) return '';
  const v = String(value);
  const table = VALUES[facet];
  if (table) {
    const entry = table[v] || table[v.toLowerCase()] || table[v.toUpperCase()];
    if (entry) return entry[current] || entry.en;
  }
  if (facet === 'lang' && /^[a-z]{2,3}$/i.test(v)) return displayName('language', v.toLowerCase()) || v;
  if (facet === 'jurisdiction') {
    const [country, sub] = v.toUpperCase().split('-');
    if (/^[A-Z]{2}$/.test(country)) {
      const name = displayName('region', country);
      if (name) return sub ? `${name} (${sub})` : name;
    }
    return v;
  }
  if (facet === 'topic' || facet === 'audience' || facet === 'type' || facet === 'status') return humanize(v);
  return v;
}

// Format a date given as YYYY, YYYY-MM or YYYY-MM-DD for the UI language.
export function formatDate(date) {
  if (!date) return '';
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(String(date));
  if (!m) return String(date);
  // Browsers carry little Tajik calendar data: use the numeric form there.
  if (current === 'tg') return [m[3], m[2], m[1]].filter(Boolean).join('.');
  try {
    if (m[3]) return new Intl.DateTimeFormat(locale(), { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])));
    if (m[2]) return new Intl.DateTimeFormat(locale(), { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(+m[1], +m[2] - 1, 1)));
  } catch (e) { /* fall through */ }
  return String(date);
}

// For tests and tooling: every key of every language.
export const LABELS = L;
export const VALUE_LABELS = VALUES;
