// Paths as CI systems want them: relative to the working directory (the repository root in CI).
#ifndef DOICHIEU_REPORTS_PATHS_HPP_
#define DOICHIEU_REPORTS_PATHS_HPP_

#include <cstdint>
#include <string>
#include <string_view>

namespace doichieu::reports {

// `path` relative to the current directory when it lies under it, with '/' separators; otherwise absolute.
std::string repo_relative(const std::string& path);
// A URI reference for SARIF's artifactLocation.uri: relative paths stay relative, absolute ones become
// file:// URIs; bytes outside RFC 3986's unreserved set and '/' are percent-encoded (Vietnamese names too).
std::string to_uri(const std::string& path);
// 64-bit FNV-1a as 16 hex digits: stable fingerprints that do not depend on line numbers.
std::string fingerprint(std::string_view data);

}  // namespace doichieu::reports

#endif  // DOICHIEU_REPORTS_PATHS_HPP_
