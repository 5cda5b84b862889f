#include "paths.hpp"

#include <filesystem>

namespace doichieu::reports {

std::string repo_relative(const std::string& path) {
  namespace fs = std::filesystem;
  if (path.empty() || path == "<stdin>") return path;
  std::error_code ec;
  fs::path p(path);
  if (p.is_absolute()) {
    fs::path cwd = fs::current_path(ec);
    if (!ec) {
      fs::path rel = p.lexically_normal().lexically_relative(cwd);
      if (!rel.empty() && *rel.begin() != "..") return rel.generic_string();
    }
    return p.lexically_normal().generic_string();
  }
  return p.lexically_normal().generic_string();
}

std::string to_uri(const std::string& path) {
  std::string rel = repo_relative(path);
  std::string out;
  bool absolute = !rel.empty() && rel[0] == '/';
  if (absolute) out = "file://";
  static const char* hex = "0123456789ABCDEF";
  for (unsigned char c : rel) {
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '.' || c == '_' || c == '~' || c == '/';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string fingerprint(std::string_view data) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  static const char* hex = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = hex[h & 15];
    h >>= 4;
  }
  return out;
}

}  // namespace doichieu::reports
