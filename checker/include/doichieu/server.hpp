// doichieu/server.hpp — `doichieu serve`: the checker over HTTP for a CMS that cannot load a library.
//
//   doichieu::server_options opt;
//   opt.port = 8765;                       // 0 = any free port, reported through on_listening
//   return doichieu::run_server(opt);      // blocks until SIGINT/SIGTERM (handle_signals) or opt.stop
//
// Endpoints (JSON in and out, the v1 schemas of checker/schemas/):
//   POST /v1/check    {"reports": [{"path"|"id", "text", "published"?}]}           -> doichieu/report/v1
//   POST /v1/extract  same request                                                 -> doichieu/facts/v1
//   GET  /healthz     -> {"status": "ok", "version": "0.1.0"}
// Errors are {"error": {"status": -6, "kind": "bad_json", "message": "..."}} with 400 (bad JSON, bad
// UTF-8, wrong shape), 413 (body above max_body_bytes), 415 (not JSON), 404/405, or 500.
//
// The engine is loaded once and shared by the worker threads (engine::check is const and reentrant).
// Binds to 127.0.0.1 unless told otherwise: the server has no authentication, so exposing it is a choice.
// Not part of libdoichieu: linked into the CLI through doichieu::server (it needs cpp-httplib).
#ifndef DOICHIEU_SERVER_HPP_
#define DOICHIEU_SERVER_HPP_

#include <cstddef>
#include <functional>
#include <memory>
#include <stop_token>
#include <string>
#include <vector>

#include <doichieu/engine.hpp>

namespace doichieu {

struct server_options {
  std::string host = "127.0.0.1";
  int port = 8080;                               // 0 = any free port
  std::string data_dir;                          // as engine_options::data_dir
  std::vector<std::string> disabled_rules;       // as engine_options::disabled_rules
  std::size_t max_body_bytes = 16u * 1024u * 1024u;
  int read_timeout_seconds = 10;                 // a client that stalls mid-request is dropped
  int write_timeout_seconds = 10;
  unsigned threads = 0;                          // worker threads; 0 = hardware concurrency (at least 2)
  bool handle_signals = false;                   // SIGINT/SIGTERM stop the server (the CLI sets this)
  std::stop_token stop;                          // a stop request makes run_server return
  // Called once the socket is bound, with the actual port (useful with port 0), from the calling thread.
  std::function<void(const std::string& host, int port)> on_listening;
};

// Loads the engine and serves until stopped. Returns 0 after a clean stop, 2 when the engine cannot be
// loaded or the address cannot be bound (the reason is printed on stderr as "doichieu: ...").
// Never throws.
int run_server(const server_options& options) noexcept;

// The same with an engine already loaded (shared, not copied); `options.data_dir` is ignored.
int run_server(std::shared_ptr<const engine> eng, const server_options& options) noexcept;

}  // namespace doichieu

#endif  // DOICHIEU_SERVER_HPP_
