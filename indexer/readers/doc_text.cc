#include "indexer/readers/doc_text.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <unicode/unistr.h>

#include "indexer/readers/html_text.h"
#include "indexer/readers/reader_text.h"

extern char** environ;

namespace himoya {

namespace {

constexpr std::string_view kOle2Signature{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8};
constexpr size_t kMaxHtmlBytes = 256u << 20;

std::string env_or(const char* name, const char* fallback) {
    const char* v = std::getenv(name);
    return v && *v ? v : fallback;
}

// A fresh private directory, removed with everything in it when done.
class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "himoya-doc-XXXXXX").string();
        if (mkdtemp(pattern.data())) path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        if (!path_.empty()) std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

// Runs argv with stdout and stderr into files; kills it after the timeout.
// Returns "" when it ran and exited 0, else why not.
std::string run_converter(const std::vector<std::string>& args, const std::string& out_path,
                          const std::string& err_path, int timeout_seconds) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0)
        return "legacy Word .doc needs the wvWare converter (Debian package wv: apt-get install wv), and '" +
               args[0] + "' could not be run; or save the file as DOCX or RTF";
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
    int status = 0;
    for (;;) {
        pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == pid) break;
        if (done < 0 && errno != EINTR) return "could not wait for wvWare";
        if (std::chrono::steady_clock::now() > deadline) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            return "wvWare did not finish reading it in " + std::to_string(timeout_seconds) + " s";
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (WIFSIGNALED(status)) return "wvWare crashed on it (signal " + std::to_string(WTERMSIG(status)) + ")";
    if (WEXITSTATUS(status) != 0) {
        std::ifstream err(err_path);
        std::string first;
        std::getline(err, first);
        first = collapse_whitespace(first);
        if (first.size() > 200) first.resize(200);
        return "wvWare could not read it (exit status " + std::to_string(WEXITSTATUS(status)) +
               (first.empty() ? std::string(")") : "): " + first);
    }
    return {};
}

// Style names reach the HTML as their UTF-8 bytes read as Latin-1 and
// encoded again ("Ð\u0097Ð°Ð³..." for "Заг..."): undo that when every code
// point fits a byte and the bytes are UTF-8.
std::string repair_style_name(const std::string& name) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(name);
    std::string bytes;
    bool latin1 = true, high = false;
    for (int32_t i = 0; i < u.length(); ++i) {
        const char16_t c = u.charAt(i);
        if (c > 0xFF) {
            latin1 = false;
            break;
        }
        high = high || c >= 0x80;
        bytes.push_back(static_cast<char>(c));
    }
    if (!latin1 || !high) return name;
    icu::UnicodeString again = icu::UnicodeString::fromUTF8(bytes);
    std::string check;
    again.toUTF8String(check);
    return check == bytes && again.indexOf(static_cast<char16_t>(0xFFFD)) < 0 ? bytes : name;
}

std::string attribute(std::string_view tag, std::string_view name) {
    size_t at = 0;
    while ((at = tag.find(name, at)) != std::string_view::npos) {
        const size_t eq = at + name.size();
        const bool boundary = at > 0 && (tag[at - 1] == ' ' || tag[at - 1] == '\t' || tag[at - 1] == '\n');
        if (boundary && eq < tag.size() && tag[eq] == '=' && eq + 1 < tag.size() && tag[eq + 1] == '"') {
            const size_t end = tag.find('"', eq + 2);
            if (end == std::string_view::npos) return {};
            return decode_html_entities(tag.substr(eq + 2, end - eq - 2));
        }
        at = eq;
    }
    return {};
}

std::string tag_name(std::string_view tag) {
    size_t i = 1;
    const bool closing = i < tag.size() && tag[i] == '/';
    if (closing) ++i;
    size_t end = i;
    while (end < tag.size() && std::isalnum(static_cast<unsigned char>(tag[end]))) ++end;
    return (closing ? "/" : "") + ascii_lower(tag.substr(i, end - i));
}

}  // namespace

bool is_ole2(std::string_view bytes) { return bytes.substr(0, kOle2Signature.size()) == kOle2Signature; }

std::vector<RtfBlock> blocks_of_wv_html(std::string_view html) {
    std::vector<RtfBlock> blocks;
    std::string style, text, cell;
    std::vector<std::string> cells;
    int table_depth = 0;
    bool in_cell = false, skipping = false;
    auto flush_paragraph = [&] {
        std::string t = collapse_whitespace(decode_html_entities(text));
        text.clear();
        if (t.empty()) return;
        if (in_cell) {
            cell += (cell.empty() ? "" : " ") + t;
            return;
        }
        if (table_depth > 0) return;  // text between cells: none in wvWare's output
        RtfBlock b;
        b.kind = is_heading_style_name(style) ? RtfBlock::Kind::heading : RtfBlock::Kind::paragraph;
        b.text = std::move(t);
        blocks.push_back(std::move(b));
    };
    size_t pos = 0;
    while (pos < html.size()) {
        const size_t lt = html.find('<', pos);
        if (!skipping) text.append(html.substr(pos, lt == std::string_view::npos ? std::string_view::npos : lt - pos));
        if (lt == std::string_view::npos) break;
        if (html.substr(lt, 4) == "<!--") {
            const size_t end = html.find("-->", lt + 4);
            pos = end == std::string_view::npos ? html.size() : end + 3;
            continue;
        }
        const size_t gt = html.find('>', lt);
        if (gt == std::string_view::npos) break;
        const std::string_view tag = html.substr(lt, gt - lt + 1);
        pos = gt + 1;
        const std::string name = tag_name(tag);
        if (name == "head" || name == "style" || name == "script" || name == "title") {
            skipping = true;
        } else if (name == "/head" || name == "/style" || name == "/script" || name == "/title") {
            skipping = false;
            text.clear();
        } else if (skipping) {
            continue;
        } else if (name == "div") {
            flush_paragraph();
            style = repair_style_name(attribute(tag, "name"));
        } else if (name == "p" || name == "/p" || name == "/div" || name == "li" || name == "h1" || name == "h2" ||
                   name == "h3" || name == "/body") {
            flush_paragraph();
        } else if (name == "br") {
            text += ' ';
        } else if (name == "table") {
            flush_paragraph();
            ++table_depth;
        } else if (name == "/table") {
            flush_paragraph();
            if (table_depth > 0) --table_depth;
        } else if (name == "tr") {
            flush_paragraph();
            cells.clear();
        } else if (name == "td" || name == "th") {
            flush_paragraph();
            in_cell = true;
            cell.clear();
        } else if (name == "/td" || name == "/th") {
            flush_paragraph();
            if (!cell.empty()) cells.push_back(cell);
            cell.clear();
            in_cell = false;
        } else if (name == "/tr") {
            flush_paragraph();
            in_cell = false;
            std::string row;
            for (const std::string& c : cells) row += (row.empty() ? "" : " | ") + c;
            cells.clear();
            if (!row.empty()) blocks.push_back({RtfBlock::Kind::table_row, std::move(row)});
        }
    }
    flush_paragraph();
    return blocks;
}

DocText read_doc_text(std::string_view bytes, int timeout_seconds) {
    DocText out;
    if (!is_ole2(bytes)) {
        if (bytes.substr(0, 5) == "{\\rtf")
            out.error = "not a Word .doc: it is RTF with a .doc name (rename it to .rtf)";
        else if (bytes.substr(0, 2) == "PK")
            out.error = "not a Word .doc: it is a ZIP archive (a DOCX with a .doc name? rename it to .docx)";
        else
            out.error = "not a Word .doc (no OLE2 compound-file signature)";
        return out;
    }
    TempDir dir;
    if (dir.path().empty()) {
        out.error = "could not make a temporary directory for the converter";
        return out;
    }
    const std::string input = dir.path() + "/input.doc", html = dir.path() + "/output.html",
                      err = dir.path() + "/errors.txt";
    {
        std::ofstream f(input, std::ios::binary);
        f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!f) {
            out.error = "could not write the file for the converter (disk full?)";
            return out;
        }
    }
    out.error = run_converter({env_or("HIMOYA_WVWARE", "wvWare"), "--charset=utf-8", "-x",
                               env_or("HIMOYA_WVHTML_XML", "/usr/share/wv/wvHtml.xml"), "-d", dir.path(), "-b",
                               "image", input},
                              html, err, timeout_seconds);
    if (!out.error.empty()) return out;
    std::error_code ec;
    const auto size = std::filesystem::file_size(html, ec);
    if (ec || size > kMaxHtmlBytes) {
        out.error = ec ? "wvWare wrote nothing" : "wvWare's output is larger than 256 MB";
        return out;
    }
    std::ifstream f(html, std::ios::binary);
    std::stringstream text;
    text << f.rdbuf();
    out.blocks = blocks_of_wv_html(text.str());
    return out;
}

}  // namespace himoya
