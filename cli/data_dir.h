// Where an installed `himoya` finds the data it ships with: the web page and the
// corpus under PREFIX/share/himoya, found from the executable's own location
// (/proc/self/exe -> PREFIX/bin/himoya), so that `himoya serve` works without
// --web from /usr, /usr/local or a package unpacked anywhere. From a source tree
// (build/himoya) there is no such folder and the relative defaults (web, corpus)
// apply as before.
#pragma once

#include <string>

namespace himoya::cli {

// PREFIX/share/himoya if the running executable is PREFIX/bin/himoya and that
// folder exists; otherwise "".
std::string installed_data_dir();

// PREFIX/share/himoya/NAME if it is a folder, else `fallback` (the source-tree default).
std::string installed_data_or(const std::string& name, const std::string& fallback);

}  // namespace himoya::cli
