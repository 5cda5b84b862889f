/* Installed-package consumer, C ABI: argv[1] is the installed data directory. Exit 0 when the check finds
 * the total that its parts contradict. */
#include <stdio.h>
#include <string.h>

#include <doichieu/doichieu.h>

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: consumer DATA_DIR\n");
    return 2;
  }
  char options[4096];
  snprintf(options, sizeof options, "{\"data_dir\": \"%s\"}", argv[1]);
  doichieu_engine* engine = NULL;
  int rc = doichieu_engine_create(options, &engine);
  if (rc != DOICHIEU_OK) {
    fprintf(stderr, "%s: %s\n", doichieu_status_message(rc), doichieu_engine_error(engine));
    doichieu_engine_destroy(engine);
    return 2;
  }
  const char* request =
      "{\"reports\": [{\"id\": \"b\", \"text\": \"Dự án có tổng vốn 200 tỉ đồng, trong đó vốn tỉnh "
      "120 tỉ đồng, vốn doanh nghiệp 50 tỉ đồng.\"}]}";
  doichieu_result* result = NULL;
  rc = doichieu_check(engine, request, strlen(request), &result);
  const char* json = doichieu_result_json(result, NULL);
  const char* findings = strstr(json, "\"findings\"");
  const char* checks = strstr(json, "\"checks\"");
  const char* finding = findings ? strstr(findings, "\"TOTAL_EQUALS_PARTS\"") : NULL;
  int ok = rc == DOICHIEU_OK && finding != NULL && (checks == NULL || finding < checks);
  printf("doichieu %s: %s\n", doichieu_version(), rc == DOICHIEU_OK ? doichieu_result_json(result, NULL)
                                                                      : doichieu_result_error(result));
  doichieu_result_destroy(result);
  doichieu_engine_destroy(engine);
  return ok ? 0 : 1;
}
