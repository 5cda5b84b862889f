// `doichieu serve`: cpp-httplib (Debian's libcpp-httplib) in front of the same JSON layer as the C ABI,
// so the HTTP API and libdoichieu answer a request with byte-identical JSON.
#include <doichieu/server.hpp>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <csignal>
#include <iostream>
#include <string>
#include <thread>
#include <utility>

#include <pthread.h>
#include <sys/socket.h>
#include <signal.h>
#include <time.h>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "json_api.hpp"

namespace doichieu {
namespace {

constexpr const char* json_type = "application/json; charset=utf-8";

const char* kind_name(error_kind kind) noexcept {
  switch (kind) {
    case error_kind::ok: return "ok";
    case error_kind::usage: return "usage";
    case error_kind::io: return "io";
    case error_kind::invalid_utf8: return "invalid_utf8";
    case error_kind::binary_input: return "binary_input";
    case error_kind::too_large: return "too_large";
    case error_kind::bad_json: return "bad_json";
    case error_kind::bad_config: return "bad_config";
    case error_kind::bad_rule: return "bad_rule";
    case error_kind::bad_lexicon: return "bad_lexicon";
    case error_kind::icu: return "icu";
    case error_kind::internal: return "internal";
  }
  return "internal";
}

int http_status_of(error_kind kind) noexcept {
  switch (kind) {
    case error_kind::usage:
    case error_kind::bad_json:
    case error_kind::invalid_utf8:
    case error_kind::binary_input: return 400;
    case error_kind::too_large: return 413;
    default: return 500;
  }
}

void send_error(httplib::Response& res, int http_status, error_kind kind, const std::string& message) {
  nlohmann::ordered_json body;
  body["error"]["status"] = json_api::status_of(kind);
  body["error"]["kind"] = kind_name(kind);
  body["error"]["message"] = message;
  res.status = http_status;
  // replace: a message may quote bytes of a request that was not UTF-8
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), json_type);
}

bool is_json_media_type(const std::string& content_type) {
  std::string media = content_type.substr(0, content_type.find(';'));
  while (!media.empty() && media.back() == ' ') media.pop_back();
  for (auto& c : media) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return media == "application/json" || media.empty();
}

httplib::Server::Handler json_endpoint(std::shared_ptr<const engine> eng, json_api::operation op,
                                       json_api::limits lim) {
  return [eng = std::move(eng), op, lim](const httplib::Request& req, httplib::Response& res) {
    try {
      if (req.has_header("Content-Type") && !is_json_media_type(req.get_header_value("Content-Type"))) {
        send_error(res, 415, error_kind::usage,
                   "Content-Type must be application/json, not " + req.get_header_value("Content-Type"));
        return;
      }
      auto out = json_api::handle(*eng, op, req.body, lim);
      if (!out) {
        send_error(res, http_status_of(out.error().kind), out.error().kind, out.error().describe());
        return;
      }
      res.status = 200;
      res.set_content(std::move(*out), json_type);
    } catch (const std::exception& e) {
      send_error(res, 500, error_kind::internal, std::string("internal error: ") + e.what());
    }
  };
}

// Stops the server when a stop is requested or (with handle_signals) SIGINT/SIGTERM arrives. Polling
// rather than a stop_callback: httplib ignores stop() before listen() has started, so asking again until
// the server returns closes that window.
class stopper {
 public:
  stopper(httplib::Server& svr, const server_options& opt) : svr_(svr), stop_(opt.stop), signals_(opt.handle_signals) {
    if (signals_) {
      sigemptyset(&set_);
      sigaddset(&set_, SIGINT);
      sigaddset(&set_, SIGTERM);
      // Blocked before httplib starts its workers, so they inherit the mask and the watcher gets the signal.
      pthread_sigmask(SIG_BLOCK, &set_, &old_);
    }
    watcher_ = std::thread([this] { watch(); });
  }
  ~stopper() {
    done_ = true;
    watcher_.join();
    if (signals_) pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }
  stopper(const stopper&) = delete;
  stopper& operator=(const stopper&) = delete;

 private:
  void watch() {
    bool stopping = false;
    while (!done_) {
      if (signals_) {
        timespec wait{0, 100'000'000};
        if (sigtimedwait(&set_, nullptr, &wait) > 0) stopping = true;
      } else {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
      if (stop_.stop_requested()) stopping = true;
      if (stopping) svr_.stop();
    }
  }

  httplib::Server& svr_;
  std::stop_token stop_;
  bool signals_;
  sigset_t set_{}, old_{};
  std::atomic<bool> done_{false};
  std::thread watcher_;
};

}  // namespace

int run_server(std::shared_ptr<const engine> eng, const server_options& options) noexcept {
  try {
    if (!eng) {
      std::cerr << "doichieu: serve: no engine\n";
      return 2;
    }
    if (options.port < 0 || options.port > 65535) {
      std::cerr << "doichieu: serve: port " << options.port << " is not in 0..65535\n";
      return 2;
    }
    json_api::limits lim;
    lim.max_request_bytes = options.max_body_bytes;

    httplib::Server svr;
    const unsigned threads =
        options.threads != 0 ? options.threads : std::max(2u, std::thread::hardware_concurrency());
    // httplib takes ownership of the queue it is given (its API asks for a raw pointer).
    svr.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    svr.set_payload_max_length(options.max_body_bytes);
    svr.set_read_timeout(options.read_timeout_seconds, 0);
    svr.set_write_timeout(options.write_timeout_seconds, 0);
    svr.set_keep_alive_timeout(5);
    // httplib's default also sets SO_REUSEPORT, which lets a second `doichieu serve` on the same port
    // silently share its traffic; SO_REUSEADDR alone still allows a quick restart (TIME_WAIT).
    svr.set_socket_options([](auto sock) {
      int yes = 1;
      ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });

    svr.Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
      nlohmann::ordered_json body{{"status", "ok"}, {"version", DOICHIEU_VERSION_STRING}};
      res.set_content(body.dump(), json_type);
    });
    svr.Post("/v1/check", json_endpoint(eng, json_api::operation::check, lim));
    svr.Post("/v1/extract", json_endpoint(eng, json_api::operation::extract, lim));
    auto wrong_method = [](const httplib::Request& req, httplib::Response& res) {
      res.set_header("Allow", "POST");
      send_error(res, 405, error_kind::usage, req.method + " " + req.path + ": use POST with a JSON body");
    };
    svr.Get("/v1/check", wrong_method);
    svr.Get("/v1/extract", wrong_method);
    // httplib answers oversize bodies (413) and unknown paths (404) itself with an empty body; give those
    // the same JSON error shape as ours.
    svr.set_error_handler(httplib::Server::HandlerWithResponse(
        [max = options.max_body_bytes](const httplib::Request& req, httplib::Response& res) {
      if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
      if (res.status == 413) {
        send_error(res, 413, error_kind::too_large,
                   "request body is larger than the limit of " + std::to_string(max) + " bytes");
      } else if (res.status == 404) {
        send_error(res, 404, error_kind::usage,
                   "no endpoint " + req.method + " " + req.path + " (POST /v1/check, POST /v1/extract, GET /healthz)");
      } else {
        send_error(res, res.status, error_kind::usage, std::string("HTTP ") + std::to_string(res.status));
      }
      return httplib::Server::HandlerResponse::Handled;
    }));
    svr.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
      send_error(res, 500, error_kind::internal, "internal error");
    });

    int port = options.port;
    if (port == 0) {
      port = svr.bind_to_any_port(options.host);
      if (port < 0) port = -1;
    } else if (!svr.bind_to_port(options.host, port)) {
      port = -1;
    }
    if (port <= 0) {
      std::cerr << "doichieu: serve: cannot listen on " << options.host << ":" << options.port << '\n';
      return 2;
    }
    stopper stop_watch(svr, options);
    if (options.on_listening) options.on_listening(options.host, port);
    const bool clean = svr.listen_after_bind();
    return clean ? 0 : 2;
  } catch (const std::exception& e) {
    std::cerr << "doichieu: serve: " << e.what() << '\n';
    return 2;
  } catch (...) {
    std::cerr << "doichieu: serve: internal error\n";
    return 2;
  }
}

int run_server(const server_options& options) noexcept {
  try {
    auto eng = engine::load({options.data_dir, options.disabled_rules});
    if (!eng) {
      std::cerr << "doichieu: " << eng.error().describe() << '\n';
      return 2;
    }
    return run_server(std::move(*eng), options);
  } catch (...) {
    std::cerr << "doichieu: serve: internal error\n";
    return 2;
  }
}

}  // namespace doichieu
