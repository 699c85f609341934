// A test hook for the crash tests: the indexer stops itself at a named point
// so that a test can kill it there (SIGKILL, as a power loss would) or change
// the world (fill the disk) and let it go on (SIGCONT).
//
// Honoured only when the environment variable HIMOYA_TEST_PAUSE_AT names the
// point (or lists it among comma-separated names); otherwise a no-op that
// costs one getenv. At the point the process writes
//   himoya: test pause at POINT (pid PID)
// to stderr and stops itself with SIGSTOP; SIGCONT resumes it.
//
// The points (see docs/reliability.md, "Indexer"):
//   lock          the index folder's lock is held, nothing else done yet
//   building      the first document is written into the new generation
//   commit        just before the new generation is committed (free space checked)
//   stub-written  the new stub is written and fsync'd as XAPIANDB.tmp, not renamed
//   stub-renamed  the stub is renamed over XAPIANDB and the folder fsync'd
//   cleanup       one old generation half removed
#pragma once

namespace himoya {

void test_pause_point(const char* point);

}  // namespace himoya
