/* check_post.c — the C ABI from C: check a draft post against an already published report of the same
 * event before publishing it.
 *
 *   cc check_post.c $(pkg-config --cflags --libs doichieu) -o check_post && ./check_post
 *
 * Exit status: 0 when the expected finding was reported (this file doubles as a CTest case), 1 if not,
 * 2 on an API error. A real plugin would show the findings to the editor instead of asserting them.
 */
#include <stdio.h>
#include <string.h>

#include <doichieu/doichieu.h>

/* Two reports of one event (our own sentences): the draft lowers the province's share, so its parts no
 * longer add up to the stated total of 450 tỉ đồng. */
static const char* request =
    "{\"reports\": ["
    "{\"id\": \"da-dang\", \"published\": \"2024-05-10\", \"text\": "
    "\"Cầu Hòa Bình mới có tổng mức đầu tư 450 tỉ đồng, trong đó ngân sách trung ương 300 tỉ đồng, "
    "ngân sách tỉnh 150 tỉ đồng.\"},"
    "{\"id\": \"ban-nhap\", \"published\": \"2024-05-11\", \"text\": "
    "\"Cầu Hòa Bình mới có tổng mức đầu tư 450 tỉ đồng, trong đó ngân sách trung ương 300 tỉ đồng, "
    "ngân sách tỉnh 120 tỉ đồng.\"}"
    "]}";

int main(void) {
  printf("libdoichieu %s (header %d.%d.%d)\n", doichieu_version(), DOICHIEU_VERSION_MAJOR, DOICHIEU_VERSION_MINOR,
         DOICHIEU_VERSION_PATCH);

  doichieu_engine* engine = NULL;
  int rc = doichieu_engine_create(NULL, &engine);
  if (rc != DOICHIEU_OK) {
    fprintf(stderr, "engine: %s: %s\n", doichieu_status_message(rc), doichieu_engine_error(engine));
    doichieu_engine_destroy(engine);
    return 2;
  }

  doichieu_result* result = NULL;
  rc = doichieu_check(engine, request, strlen(request), &result);
  if (rc != DOICHIEU_OK) {
    fprintf(stderr, "check: %s: %s\n", doichieu_status_message(rc), doichieu_result_error(result));
    doichieu_result_destroy(result);
    doichieu_engine_destroy(engine);
    return 2;
  }
  size_t len = 0;
  const char* json = doichieu_result_json(result, &len);
  printf("%s\n", json);

  /* C has no JSON parser in its standard library, so the example looks for the rule by name between
   * "findings" (problems) and "checks" (verified checks), and for the draft's id after it. */
  const char* findings = strstr(json, "\"findings\"");
  const char* checks = strstr(json, "\"checks\"");
  const char* finding = findings ? strstr(findings, "\"TOTAL_EQUALS_PARTS\"") : NULL;
  const char* in_draft = finding ? strstr(finding, "\"ban-nhap\"") : NULL;
  int ok = finding != NULL && in_draft != NULL && (checks == NULL || in_draft < checks);
  printf(ok ? "OK: the draft's parts do not add up to its total\n" : "FAIL: TOTAL_EQUALS_PARTS not reported\n");

  /* A bad request comes back as a status and a message, never a crash. */
  doichieu_result* bad = NULL;
  int bad_rc = doichieu_check(engine, "{\"reports\": [", 13, &bad);
  printf("bad request: %d %s: %s\n", bad_rc, doichieu_status_message(bad_rc), doichieu_result_error(bad));
  if (bad_rc != DOICHIEU_E_BAD_JSON) ok = 0;
  doichieu_result_destroy(bad);

  doichieu_result_destroy(result);
  doichieu_engine_destroy(engine);
  return ok ? 0 : 1;
}
