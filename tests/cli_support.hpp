// Helpers for end-to-end tests: run the built CLI, capture stdout, stderr and the exit status.
#ifndef DOICHIEU_TESTS_CLI_SUPPORT_HPP_
#define DOICHIEU_TESTS_CLI_SUPPORT_HPP_

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace doichieu::testing {

struct run_result {
  int status = -1;
  std::string out;
  std::string err;
};

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void write_file(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << bytes;
}

inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// A fresh scratch directory per test case.
inline std::filesystem::path scratch_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("doichieu-test-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// Runs a shell command and returns its standard output; `status` is its exit status (-1 when it could not
// run or was killed). For the Python scorers the corpus tests call.
inline std::string run_command(const std::string& cmd, int& status) {
  std::string out;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) {
    status = -1;
    return out;
  }
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int raw = ::pclose(p);
  status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return out;
}

// Runs `DOICHIEU_CLI args` with optional stdin bytes.
inline run_result run_cli(const std::string& args, const std::string& stdin_bytes = {}) {
  auto dir = scratch_dir("run");
  auto in = dir / "stdin", out = dir / "stdout", err = dir / "stderr";
  write_file(in, stdin_bytes);
  std::string cmd = std::string(DOICHIEU_CLI) + " " + args + " <" + shell_quote(in.string()) + " >" +
                    shell_quote(out.string()) + " 2>" + shell_quote(err.string());
  int raw = std::system(cmd.c_str());
  run_result r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  std::filesystem::remove_all(dir);
  return r;
}

inline std::string seed(const std::string& prefix) {
  for (const auto& e : std::filesystem::directory_iterator(std::string(DOICHIEU_SHARED_DIR) + "/seeds")) {
    if (e.path().filename().string().rfind(prefix, 0) == 0) return e.path().string();
  }
  return {};
}

}  // namespace doichieu::testing

#endif  // DOICHIEU_TESTS_CLI_SUPPORT_HPP_
