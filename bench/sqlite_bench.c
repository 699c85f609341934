/* SQLite FTS5 peer: loads provisions.tsv into an FTS5 table (unicode61
 * tokenizer, bm25 ranking) and times the query mix in-process.
 *
 *   sqlite_bench load DB provisions.tsv            prints: seconds bytes
 *   sqlite_bench query DB queries.tsv ROUNDS FACETS LABEL CSV
 *
 * A query is run the way a search page needs it: the 10 best rows by bm25 with a
 * snippet, and the total count; with FACETS=1 also a GROUP BY count per facet
 * column (jurisdiction, lang, type, year) over the matching rows. Words are
 * AND-ed (FTS5's default); a "phrase" is kept; filters on jurisdiction, lang,
 * type and year_from/year_to become WHERE clauses (topic has no column here).
 * CSV columns as query_bench: label,class,query,rounds,hits,p50_ms,p95_ms,p99_ms,mean_ms
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void die(sqlite3* db, const char* what) {
    fprintf(stderr, "%s: %s\n", what, db ? sqlite3_errmsg(db) : "");
    exit(1);
}

static void exec(sqlite3* db, const char* sql) {
    char* err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "%s: %s\n", sql, err);
        exit(1);
    }
}

static int load(const char* path, const char* tsv) {
    sqlite3* db;
    remove(path);
    if (sqlite3_open(path, &db) != SQLITE_OK) die(db, "open");
    exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
    exec(db,
         "CREATE VIRTUAL TABLE p USING fts5(title, heading, text, id UNINDEXED, lang UNINDEXED, "
         "jurisdiction UNINDEXED, type UNINDEXED, year UNINDEXED, tokenize='unicode61')");
    FILE* in = fopen(tsv, "r");
    if (!in) die(NULL, tsv);
    double t0 = now_ms();
    exec(db, "BEGIN");
    sqlite3_stmt* st;
    if (sqlite3_prepare_v2(db, "INSERT INTO p(id,lang,jurisdiction,type,year,title,heading,text) VALUES(?,?,?,?,?,?,?,?)",
                           -1, &st, NULL) != SQLITE_OK)
        die(db, "prepare");
    size_t cap = 1 << 20;
    char* line = malloc(cap);
    long bytes = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, in)) > 0) {
        bytes += n;
        if (line[n - 1] == '\n') line[--n] = 0;
        char* f[8];
        int k = 0;
        char* s = line;
        f[k++] = s;
        while (k < 8 && (s = strchr(s, '\t'))) { *s++ = 0; f[k++] = s; }
        if (k < 8) continue;
        for (int i = 0; i < 8; ++i) sqlite3_bind_text(st, i + 1, f[i], -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE) die(db, "insert");
        sqlite3_reset(st);
    }
    exec(db, "COMMIT");
    double t1 = now_ms();
    printf("%.3f %ld\n", (t1 - t0) / 1e3, bytes);
    sqlite3_finalize(st);
    sqlite3_close(db);
    free(line);
    fclose(in);
    return 0;
}

/* Query text -> FTS5 MATCH expression: bare words quoted, AND-ed; "phrases" kept. */
static void fts_expr(const char* q, char* out, size_t cap) {
    size_t o = 0;
    out[0] = 0;
    const char* p = q;
    while (*p) {
        while (*p == ' ') ++p;
        if (!*p) break;
        const char* start = p;
        if (*p == '"') {
            ++p;
            while (*p && *p != '"') ++p;
            if (*p) ++p;
        } else {
            while (*p && *p != ' ') ++p;
        }
        if (o && o + 5 < cap) { memcpy(out + o, " AND ", 5); o += 5; }
        if (*start == '"') {
            size_t len = p - start;
            if (o + len + 1 < cap) { memcpy(out + o, start, len); o += len; }
        } else {
            if (o + 1 < cap) out[o++] = '"';
            for (const char* c = start; c < p && o + 2 < cap; ++c) {
                if (*c == '"') continue;
                out[o++] = *c;
            }
            if (o + 1 < cap) out[o++] = '"';
        }
        out[o] = 0;
    }
}

static void param(const char* params, const char* name, char* out, size_t cap) {
    out[0] = 0;
    size_t nl = strlen(name);
    const char* p = params;
    while (p && *p) {
        if (strncmp(p, name, nl) == 0 && p[nl] == '=') {
            const char* v = p + nl + 1;
            size_t len = strcspn(v, "&");
            if (len >= cap) len = cap - 1;
            memcpy(out, v, len);
            out[len] = 0;
            return;
        }
        p = strchr(p, '&');
        if (p) ++p;
    }
}

static int cmp_double(const void* a, const void* b) {
    double x = *(const double*)a, y = *(const double*)b;
    return x < y ? -1 : x > y;
}

static double pct(double* v, int n, double q) {
    if (n == 0) return 0;
    double* c = malloc(sizeof(double) * n);
    memcpy(c, v, sizeof(double) * n);
    qsort(c, n, sizeof(double), cmp_double);
    int i = (int)(q * (n - 1) + 0.5);
    double r = c[i < n ? i : n - 1];
    free(c);
    return r;
}

static double mean(double* v, int n) {
    double s = 0;
    for (int i = 0; i < n; ++i) s += v[i];
    return n ? s / n : 0;
}

#define MAXQ 64
struct bq {
    char cls[32], text[512], params[512], where[1024];
};

static long run_query(sqlite3* db, struct bq* q, int facets) {
    char sql[4096];
    long total = 0;
    int has_match = q->text[0] != 0;
    const char* base = has_match ? "p MATCH ?1" : "1";
    /* top 10 with snippet */
    snprintf(sql, sizeof sql,
             "SELECT id, title, snippet(p, 2, '<mark>', '</mark>', '…', 16) FROM p WHERE %s%s ORDER BY %s LIMIT 10",
             base, q->where, has_match ? "bm25(p)" : "year DESC");
    const char* sqls[6];
    char buf[6][4096];
    int ns = 0;
    strcpy(buf[ns], sql); sqls[ns] = buf[ns]; ++ns;
    snprintf(buf[ns], sizeof buf[ns], "SELECT count(*) FROM p WHERE %s%s", base, q->where); sqls[ns] = buf[ns]; ++ns;
    if (facets) {
        const char* cols[] = {"jurisdiction", "lang", "type", "year"};
        for (int c = 0; c < 4; ++c) {
            snprintf(buf[ns], sizeof buf[ns], "SELECT %s, count(*) FROM p WHERE %s%s GROUP BY 1", cols[c], base, q->where);
            sqls[ns] = buf[ns];
            ++ns;
        }
    }
    for (int i = 0; i < ns; ++i) {
        sqlite3_stmt* st;
        if (sqlite3_prepare_v2(db, sqls[i], -1, &st, NULL) != SQLITE_OK) die(db, sqls[i]);
        if (has_match) {
            char expr[1024];
            fts_expr(q->text, expr, sizeof expr);
            sqlite3_bind_text(st, 1, expr, -1, SQLITE_TRANSIENT);
        }
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            if (i == 1) total = sqlite3_column_int64(st, 0);
            else (void)sqlite3_column_text(st, 0);
        }
        if (rc != SQLITE_DONE) die(db, sqls[i]);
        sqlite3_finalize(st);
    }
    return total;
}

static int query(const char* path, const char* qfile, int rounds, int facets, const char* label, const char* csv) {
    sqlite3* db;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) die(db, "open");
    FILE* in = fopen(qfile, "r");
    if (!in) die(NULL, qfile);
    static struct bq qs[MAXQ];
    int nq = 0;
    char line[2048];
    while (nq < MAXQ && fgets(line, sizeof line, in)) {
        if (line[0] == '#' || line[0] == '\n') continue;
        line[strcspn(line, "\n")] = 0;
        char* f[3] = {line, "", ""};
        char* t = strchr(line, '\t');
        if (t) { *t = 0; f[1] = t + 1; t = strchr(f[1], '\t'); if (t) { *t = 0; f[2] = t + 1; } }
        struct bq* q = &qs[nq++];
        snprintf(q->cls, sizeof q->cls, "%s", f[0]);
        snprintf(q->text, sizeof q->text, "%s", f[1]);
        snprintf(q->params, sizeof q->params, "%s", f[2]);
        q->where[0] = 0;
        const char* cols[] = {"jurisdiction", "lang", "type"};
        char v[256];
        for (int c = 0; c < 3; ++c) {
            param(q->params, cols[c], v, sizeof v);
            if (v[0]) {
                size_t l = strlen(q->where);
                snprintf(q->where + l, sizeof q->where - l, " AND %s = '%s'", cols[c], v);
            }
        }
        param(q->params, "year_from", v, sizeof v);
        if (v[0]) { size_t l = strlen(q->where); snprintf(q->where + l, sizeof q->where - l, " AND year >= %d", atoi(v)); }
        param(q->params, "year_to", v, sizeof v);
        if (v[0]) { size_t l = strlen(q->where); snprintf(q->where + l, sizeof q->where - l, " AND year <= %d", atoi(v)); }
    }
    fclose(in);
    double* times = malloc(sizeof(double) * nq * (rounds + 1));
    long hits[MAXQ];
    for (int r = 0; r <= rounds; ++r)
        for (int k = 0; k < nq; ++k) {
            double t0 = now_ms();
            hits[k] = run_query(db, &qs[k], facets);
            double ms = now_ms() - t0;
            if (r > 0) times[k * rounds + (r - 1)] = ms;
        }
    FILE* out = csv && *csv ? fopen(csv, "a") : NULL;
    for (int k = 0; k < nq; ++k) {
        double* t = times + k * rounds;
        printf("%-8s %-32.32s hits=%-8ld p50=%8.3f p95=%8.3f p99=%8.3f mean=%8.3f ms\n", qs[k].cls, qs[k].text, hits[k],
               pct(t, rounds, .5), pct(t, rounds, .95), pct(t, rounds, .99), mean(t, rounds));
        if (out) {
            fprintf(out, "%s,%s,\"", label, qs[k].cls);
            for (const char* c = qs[k].text; *c; ++c) fprintf(out, *c == '"' ? "\"\"" : "%c", *c);
            if (qs[k].params[0]) fprintf(out, " [%s]", qs[k].params);
            fprintf(out, "\",%d,%ld,%.4f,%.4f,%.4f,%.4f\n", rounds, hits[k], pct(t, rounds, .5), pct(t, rounds, .95),
                    pct(t, rounds, .99), mean(t, rounds));
        }
    }
    /* per class and ALL */
    double* buf = malloc(sizeof(double) * nq * rounds);
    for (int k = 0; k <= nq; ++k) {
        const char* cls = k < nq ? qs[k].cls : "ALL";
        int seen = 0;
        for (int j = 0; j < k && k < nq; ++j) if (strcmp(qs[j].cls, cls) == 0) seen = 1;
        if (seen) continue;
        int n = 0;
        for (int j = 0; j < nq; ++j)
            if (k == nq || strcmp(qs[j].cls, cls) == 0) {
                memcpy(buf + n, times + j * rounds, sizeof(double) * rounds);
                n += rounds;
            }
        const char* kind = k < nq ? "class" : "ALL";
        printf("%-8s %-32s p50=%8.3f p95=%8.3f p99=%8.3f mean=%8.3f ms\n", kind, cls, pct(buf, n, .5), pct(buf, n, .95),
               pct(buf, n, .99), mean(buf, n));
        if (out)
            fprintf(out, "%s,%s,\"%s\",%d,-1,%.4f,%.4f,%.4f,%.4f\n", label, kind, cls, n, pct(buf, n, .5),
                    pct(buf, n, .95), pct(buf, n, .99), mean(buf, n));
    }
    if (out) fclose(out);
    free(buf);
    free(times);
    sqlite3_close(db);
    return 0;
}

int main(int argc, char** argv) {
    if (argc >= 4 && strcmp(argv[1], "load") == 0) return load(argv[2], argv[3]);
    if (argc >= 8 && strcmp(argv[1], "query") == 0)
        return query(argv[2], argv[3], atoi(argv[4]), atoi(argv[5]), argv[6], argv[7]);
    fprintf(stderr, "usage: sqlite_bench load DB TSV | query DB QUERIES ROUNDS FACETS LABEL CSV\n");
    return 2;
}
