/* doichieu.h — the stable C ABI of libdoichieu (libdoichieu.so.0): JSON in, JSON out.
 *
 *   doichieu_engine* eng = NULL;
 *   if (doichieu_engine_create(NULL, &eng) != DOICHIEU_OK) {
 *     fprintf(stderr, "%s\n", doichieu_engine_error(eng));        // why the data could not be loaded
 *   }
 *   const char* req = "{\"reports\": [{\"id\": \"a\", \"text\": \"...\"}, {\"id\": \"b\", \"text\": \"...\"}]}";
 *   doichieu_result* res = NULL;
 *   int rc = doichieu_check(eng, req, strlen(req), &res);
 *   if (rc == DOICHIEU_OK) puts(doichieu_result_json(res, NULL));  // doichieu/report/v1
 *   else fprintf(stderr, "%s: %s\n", doichieu_status_message(rc), doichieu_result_error(res));
 *   doichieu_result_destroy(res);
 *   doichieu_engine_destroy(eng);
 *
 * REQUEST (doichieu_check and doichieu_extract), UTF-8 JSON:
 *   {"reports": [{"path"|"id": "...", "text": "...", "published"?: "2024-03-07"}, ...]}
 * RESPONSE: doichieu/report/v1 (check) or doichieu/facts/v1 (extract), see checker/schemas/ — the same
 * documents as `doichieu check|extract --format json`.
 *
 * THE MEMORY RULE (the only one): every pointer this library returns is owned by the library. Strings
 * returned for a handle live until that handle is destroyed with its own *_destroy function; the strings of
 * doichieu_version() and doichieu_status_message() are static. The caller never frees a string, and
 * destroys every handle it received exactly once (destroying NULL is a no-op). Input buffers stay the
 * caller's and are not kept after the call returns.
 *
 * STATUS: every int-returning function returns DOICHIEU_OK (0) or a negative DOICHIEU_E_* code, the negated
 * doichieu::error_kind. doichieu_status_message() names a code; the detailed message (file, byte offset,
 * field) is per handle: doichieu_engine_error() for a failed create, doichieu_result_error() for a call.
 * No C++ exception ever leaves this library; a bug is reported as DOICHIEU_E_INTERNAL.
 *
 * THREADS: an engine is immutable once created. doichieu_check() and doichieu_extract() may be called on
 * the same engine from any number of threads at once. A result belongs to the thread that received it
 * (or to whoever it is handed to); do not destroy an engine while calls on it are running.
 */
#ifndef DOICHIEU_DOICHIEU_H_
#define DOICHIEU_DOICHIEU_H_

#include <stddef.h>

#if defined(DOICHIEU_STATIC_DEFINE)
#define DOICHIEU_API
#elif defined(_WIN32)
#if defined(DOICHIEU_BUILDING_LIBRARY)
#define DOICHIEU_API __declspec(dllexport)
#else
#define DOICHIEU_API __declspec(dllimport)
#endif
#else
#define DOICHIEU_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* The version these declarations belong to; doichieu_version_number() is the one of the loaded library. */
#define DOICHIEU_VERSION_MAJOR 0
#define DOICHIEU_VERSION_MINOR 1
#define DOICHIEU_VERSION_PATCH 0

/* Status codes: 0 or the negated doichieu::error_kind. Values never change meaning. */
#define DOICHIEU_OK 0
#define DOICHIEU_E_USAGE (-1)         /* NULL pointer, bad argument, JSON of the wrong shape */
#define DOICHIEU_E_IO (-2)            /* a data file cannot be read */
#define DOICHIEU_E_INVALID_UTF8 (-3)  /* request or report text is not UTF-8 (message names the byte) */
#define DOICHIEU_E_BINARY_INPUT (-4)  /* a report holds a NUL byte */
#define DOICHIEU_E_TOO_LARGE (-5)     /* request above max_request_bytes, or out of memory */
#define DOICHIEU_E_BAD_JSON (-6)      /* request or options are not JSON (message names the byte) */
#define DOICHIEU_E_BAD_CONFIG (-7)    /* bad engine options, data directory not found, unknown rule id */
#define DOICHIEU_E_BAD_RULE (-8)      /* a rule file is malformed */
#define DOICHIEU_E_BAD_LEXICON (-9)   /* a lexicon file is malformed */
#define DOICHIEU_E_ICU (-10)          /* ICU failed */
#define DOICHIEU_E_INTERNAL (-11)     /* a bug, caught at the boundary */

typedef struct doichieu_engine doichieu_engine; /* compiled rules and lexicons; immutable, shareable */
typedef struct doichieu_result doichieu_result; /* the outcome of one call: JSON or an error message */

/* "0.1.0" for the loaded library. Static string. */
DOICHIEU_API const char* doichieu_version(void);
/* major * 10000 + minor * 100 + patch of the loaded library (compare with the DOICHIEU_VERSION_* macros). */
DOICHIEU_API int doichieu_version_number(void);
/* A short English description of a status code ("ok", "input is not valid UTF-8", ...); never NULL, also
 * for unknown codes. Static string. */
DOICHIEU_API const char* doichieu_status_message(int status);

/* Loads the rules and lexicons. `options_json` may be NULL or "" for the defaults, or a JSON object:
 *   {"data_dir"?: "/usr/share/doichieu", "disabled_rules"?: ["RULE_ID", ...], "max_request_bytes"?: 16777216}
 * (data_dir empty: $DOICHIEU_DATA_DIR, then the build's source tree, then the install prefix).
 * On return *out_engine is a handle even when loading failed (then it carries the error message, and
 * calls with it return the same status), except when out_engine is NULL (DOICHIEU_E_USAGE) or memory ran
 * out (*out_engine = NULL). Loading takes a moment: create one engine and share it. */
DOICHIEU_API int doichieu_engine_create(const char* options_json, doichieu_engine** out_engine);
/* "" for a usable engine, else why doichieu_engine_create failed (naming the file, line and column).
 * "engine is NULL" for NULL. Lives until doichieu_engine_destroy. */
DOICHIEU_API const char* doichieu_engine_error(const doichieu_engine* engine);
/* Frees the engine. No call on it may be running. NULL is a no-op. */
DOICHIEU_API void doichieu_engine_destroy(doichieu_engine* engine);

/* Checks the reports of one event against each other and against themselves (doichieu/report/v1).
 * `request` points to `request_len` bytes of UTF-8 JSON (no NUL terminator needed).
 * On return *out_result is a result handle (also on error, carrying the message) unless out_result is
 * NULL or memory ran out. Returns the same status as doichieu_result_status(*out_result). */
DOICHIEU_API int doichieu_check(const doichieu_engine* engine, const char* request, size_t request_len,
                                doichieu_result** out_result);
/* Extracts the facts of each report (doichieu/facts/v1). Same contract as doichieu_check. */
DOICHIEU_API int doichieu_extract(const doichieu_engine* engine, const char* request, size_t request_len,
                                  doichieu_result** out_result);

/* The status of the call that produced the result; DOICHIEU_E_USAGE for NULL. */
DOICHIEU_API int doichieu_result_status(const doichieu_result* result);
/* The response JSON, NUL-terminated; "" when the call failed or for NULL. If `len` is not NULL it receives
 * the length in bytes without the terminator. Lives until doichieu_result_destroy. */
DOICHIEU_API const char* doichieu_result_json(const doichieu_result* result, size_t* len);
/* "" when the call succeeded, else the detailed message ("reports[1].text: ...", "<request>: byte 12: ...").
 * "result is NULL" for NULL. Lives until doichieu_result_destroy. */
DOICHIEU_API const char* doichieu_result_error(const doichieu_result* result);
/* Frees the result and its strings. NULL is a no-op. */
DOICHIEU_API void doichieu_result_destroy(doichieu_result* result);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* DOICHIEU_DOICHIEU_H_ */
