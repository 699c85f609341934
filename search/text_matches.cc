// One hit per text without Xapian's collapse: its table of every distinct key
// cost ~2.5x the match itself on a common word (100k bench: "violence", 35,608
// matches, 40 -> 90-130 ms). Instead the best records are fetched as they rank
// and the first of each version key taken (the best-ranked version, as collapse
// would keep), and texts are counted by a spy that keeps the keys in a hash
// set. The spy also notes each match's key, so picking the texts needs no
// document loads. Xapian's built-in ValueCountMatchSpy (a std::map of strings)
// counted at a higher cost; it is still used where a shard is remote, because
// xapian-tcpsrv only knows the built-in spies.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <unordered_set>

#include "analysis/term_scheme.h"
#include "search/text_matches.h"

namespace himoya::detail {

TextMatches first_texts(Xapian::Enquire& counted, const std::function<Xapian::Enquire()>& fresh,
                        const std::function<std::string(const Xapian::MSetIterator&)>& key_of, Xapian::doccount want,
                        Xapian::doccount check_at_least) {
    // Most texts have up to three language versions.
    Xapian::doccount fetch = std::max<Xapian::doccount>(want * 3, 30);
    for (bool first = true;; first = false) {
        TextMatches out;
        // A larger fetch runs on an enquire without the spies: they must not
        // count the matches twice (clear_matchspies() did not stop that on remote shards).
        out.mset = first ? counted.get_mset(0, fetch, check_at_least) : fresh().get_mset(0, fetch, check_at_least);
        std::unordered_set<std::string> seen;
        for (Xapian::doccount i = 0; i < out.mset.size() && out.texts.size() < want; ++i) {
            std::string key = key_of(out.mset[i]);
            if (key.size() != terms::kVersionKeyBytes || seen.insert(key).second) {
                out.texts.push_back(i);
                out.keys.push_back(std::move(key));
            }
        }
        if (out.texts.size() >= want || out.mset.size() < fetch) return out;
        fetch *= 4;
    }
}

uint32_t TextCountSpy::count_from_columns(Xapian::docid did) {
    ++records_;
    const uint32_t code = columns_->text(did);
    if (code == FacetColumns::kNone) {
        ++unkeyed_;
    } else if (!seen_[code]) {
        seen_[code] = true;
        ++distinct_;
    }
    return code;
}

void TextCountSpy::operator()(const Xapian::Document& doc, double weight) {
    if (columns_) {
        const uint32_t code = count_from_columns(doc.get_docid());
        if (code == FacetColumns::kNone) return;
        if (note_keys_) {
            const std::string_view key = columns_->text_key(code);
            Key k;
            std::memcpy(&k.a, key.data(), 8);
            std::memcpy(&k.b, key.data() + 8, 4);
            by_docid_.push_back({doc.get_docid(), k, weight});
        }
        return;
    }
    ++records_;
    const std::string key = doc.get_value(terms::kSlotVersionKey);  // 12 bytes: no allocation
    if (key.size() != terms::kVersionKeyBytes) {
        ++unkeyed_;
        return;
    }
    Key k;
    std::memcpy(&k.a, key.data(), 8);
    std::memcpy(&k.b, key.data() + 8, 4);
    insert(k);
    if (note_keys_) by_docid_.push_back({doc.get_docid(), k, weight});
}

void TextCountSpy::insert(const Key& k) {
    if (k.a == 0 && k.b == 0) {  // the empty marker itself: count it once, outside the table
        if (!zero_seen_) ++distinct_;
        zero_seen_ = true;
        return;
    }
    if ((distinct_ + 1) * 2 > slots_.size()) {  // keep the table at most half full
        std::vector<Key> old = std::move(slots_);
        slots_.assign(std::max<size_t>(1024, old.size() * 2), Key{0, 0});
        distinct_ = zero_seen_ ? 1 : 0;
        for (const Key& o : old)
            if (o.a || o.b) insert(o);
    }
    const size_t mask = slots_.size() - 1;
    for (size_t i = static_cast<size_t>(k.a) & mask;; i = (i + 1) & mask) {
        if (slots_[i] == k) return;
        if (slots_[i].a == 0 && slots_[i].b == 0) {
            slots_[i] = k;
            ++distinct_;
            return;
        }
    }
}

const TextCountSpy::Noted* TextCountSpy::find(Xapian::docid did) {
    auto by_did = [](const Noted& x, const Noted& y) { return x.did < y.did; };
    if (!sorted_) {
        // A database hands matches over in docid order; be sure all the same.
        if (!std::is_sorted(by_docid_.begin(), by_docid_.end(), by_did))
            std::sort(by_docid_.begin(), by_docid_.end(), by_did);
        sorted_ = true;
    }
    auto it = std::lower_bound(by_docid_.begin(), by_docid_.end(), did,
                               [](const Noted& x, Xapian::docid d) { return x.did < d; });
    return it == by_docid_.end() || it->did != did ? nullptr : &*it;
}

std::string TextCountSpy::key_of(Xapian::docid did) {
    const Noted* n = find(did);
    if (!n) return {};
    std::string key(terms::kVersionKeyBytes, '\0');
    std::memcpy(key.data(), &n->key.a, 8);
    std::memcpy(key.data() + 8, &n->key.b, 4);
    return key;
}

std::optional<double> TextCountSpy::weight_of(Xapian::docid did) {
    const Noted* n = find(did);
    if (!n) return std::nullopt;
    return n->weight;
}

long count_texts(const Xapian::ValueCountMatchSpy& spy) {
    long keys = 0, keyed_records = 0;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
        ++keys;
        keyed_records += static_cast<long>(it.get_termfreq());
    }
    // A record without a key (an index from before the key existed) is a text of its own.
    return keys + (static_cast<long>(spy.get_total()) - keyed_records);
}

}  // namespace himoya::detail
