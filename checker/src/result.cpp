// Error kinds and their printed form.
#include <doichieu/result.hpp>

namespace doichieu {

const char* error_message(error_kind kind) noexcept {
  switch (kind) {
    case error_kind::ok: return "ok";
    case error_kind::usage: return "usage error";
    case error_kind::io: return "input/output error";
    case error_kind::invalid_utf8: return "invalid UTF-8";
    case error_kind::binary_input: return "binary input";
    case error_kind::too_large: return "input too large";
    case error_kind::bad_json: return "malformed JSON";
    case error_kind::bad_config: return "bad configuration";
    case error_kind::bad_rule: return "bad rule file";
    case error_kind::bad_lexicon: return "bad lexicon file";
    case error_kind::icu: return "ICU failure";
    case error_kind::internal: return "internal error";
  }
  return "unknown error";
}

std::string error::describe() const {
  std::string out;
  if (!where.path.empty()) {
    out += where.path;
    if (where.line > 0) {
      out += ':' + std::to_string(where.line);
      if (where.column > 0) out += ':' + std::to_string(where.column);
    }
    out += ": ";
  }
  if (where.byte && message.find("byte") == std::string::npos) {
    out += "byte " + std::to_string(*where.byte) + ": ";
  }
  out += message.empty() ? error_message(kind) : message;
  return out;
}

}  // namespace doichieu
