// The subcommands of the `himoya` binary. Each returns a process exit status.
#pragma once

namespace himoya::cli {

int index_command(int argc, char** argv);
int serve_command(int argc, char** argv);
int search_command(int argc, char** argv);
int analyze_command(int argc, char** argv);
int compare_command(int argc, char** argv);
int add_command(int argc, char** argv);
int export_command(int argc, char** argv);

}  // namespace himoya::cli
