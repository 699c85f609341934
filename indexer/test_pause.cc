#include "indexer/test_pause.h"

#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace himoya {

void test_pause_point(const char* point) {
    const char* wanted = std::getenv("HIMOYA_TEST_PAUSE_AT");
    if (!wanted || !*wanted) return;
    std::string_view list(wanted), name(point);
    bool match = false;
    while (!list.empty() && !match) {
        size_t comma = list.find(',');
        match = list.substr(0, comma) == name;
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    }
    if (!match) return;
    std::fprintf(stderr, "himoya: test pause at %s (pid %ld)\n", point, static_cast<long>(getpid()));
    std::fflush(stderr);
    raise(SIGSTOP);
}

}  // namespace himoya
