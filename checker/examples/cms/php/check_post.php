<?php
/**
 * check_post.php — a WordPress-style plugin that checks a post with libdoichieu (PHP FFI) before publish.
 *
 * In WordPress: drop this file into wp-content/plugins/doichieu/, enable FFI (ffi.enable=1 or "preload"),
 * and set DOICHIEU_LIBRARY if libdoichieu.so.0 is not on the loader path. The `wp_insert_post_data` filter
 * turns a "publish" back into "draft" when doichieu finds an error between the post and the posts of the
 * same event (here: posts sharing a tag), and keeps the findings for the editor.
 *
 * Outside WordPress (php -d ffi.enable=1 check_post.php) it runs its own check on two short reports and
 * exits 0 only when the expected finding is there: it is a CTest case.
 */

final class Doichieu
{
    // The declarations of doichieu.h that PHP calls (FFI::cdef does not run the C preprocessor).
    private const CDEF = <<<'C'
typedef struct doichieu_engine doichieu_engine;
typedef struct doichieu_result doichieu_result;
const char* doichieu_version(void);
const char* doichieu_status_message(int status);
int doichieu_engine_create(const char* options_json, doichieu_engine** out_engine);
const char* doichieu_engine_error(const doichieu_engine* engine);
void doichieu_engine_destroy(doichieu_engine* engine);
int doichieu_check(const doichieu_engine* engine, const char* request, size_t request_len, doichieu_result** out_result);
int doichieu_extract(const doichieu_engine* engine, const char* request, size_t request_len, doichieu_result** out_result);
const char* doichieu_result_json(const doichieu_result* result, size_t* len);
const char* doichieu_result_error(const doichieu_result* result);
void doichieu_result_destroy(doichieu_result* result);
C;

    private FFI $ffi;
    private $engine;

    public function __construct(?string $library = null, ?array $options = null)
    {
        $library = $library ?? (getenv('DOICHIEU_LIBRARY') ?: 'libdoichieu.so.0');
        $this->ffi = FFI::cdef(self::CDEF, $library);
        $this->engine = $this->ffi->new('doichieu_engine*');
        $json = $options === null ? null : json_encode($options, JSON_UNESCAPED_UNICODE);
        $rc = $this->ffi->doichieu_engine_create($json, FFI::addr($this->engine));
        if ($rc !== 0) {
            $message = $this->ffi->doichieu_engine_error($this->engine);
            $this->ffi->doichieu_engine_destroy($this->engine);
            throw new RuntimeException("doichieu: $message");
        }
    }

    public function __destruct()
    {
        $this->ffi->doichieu_engine_destroy($this->engine);
    }

    public function version(): string
    {
        return $this->ffi->doichieu_version();
    }

    /** @param array<int, array{id:string,text:string,published?:string}> $reports  @return array doichieu/report/v1 */
    public function check(array $reports): array
    {
        return $this->call('doichieu_check', ['reports' => $reports]);
    }

    /** @return array doichieu/facts/v1 */
    public function extract(array $reports): array
    {
        return $this->call('doichieu_extract', ['reports' => $reports]);
    }

    /** Sends raw bytes (tests use it for input that json_encode would refuse). */
    public function callRaw(string $function, string $body): array
    {
        $result = $this->ffi->new('doichieu_result*');
        $rc = $this->ffi->$function($this->engine, $body, strlen($body), FFI::addr($result));
        try {
            if ($rc !== 0) {
                $status = $this->ffi->doichieu_status_message($rc);
                throw new InvalidArgumentException("$status: " . $this->ffi->doichieu_result_error($result), $rc);
            }
            // FFI copies a returned const char* into a PHP string (JSON has no raw NUL byte to cut it short).
            $json = $this->ffi->doichieu_result_json($result, null);
            return json_decode($json, true, 512, JSON_THROW_ON_ERROR);
        } finally {
            $this->ffi->doichieu_result_destroy($result);  // the one memory rule: destroy what you received
        }
    }

    private function call(string $function, array $request): array
    {
        return $this->callRaw($function, json_encode($request, JSON_UNESCAPED_UNICODE | JSON_THROW_ON_ERROR));
    }
}

/**
 * The `wp_insert_post_data` filter: on publish, check the post against the published posts of the same
 * event and hold it back as a draft when there is an error in it.
 *
 * @param array $data     the post about to be saved (post_status, post_content, post_date, ...)
 * @param array $postarr  the raw post array (ID, tags_input, ...)
 * @param callable $related  fn(array $postarr): list of ['id','text','published'] (WordPress: a WP_Query on the tag)
 */
function doichieu_check_before_publish(array $data, array $postarr, Doichieu $checker, callable $related): array
{
    if (($data['post_status'] ?? '') !== 'publish') {
        return $data;
    }
    $id = 'post-' . ($postarr['ID'] ?? 'new');
    $reports = $related($postarr);
    $reports[] = ['id' => $id, 'text' => strip_tags($data['post_content']),
                  'published' => substr($data['post_date'] ?? date('Y-m-d'), 0, 10)];
    $report = $checker->check($reports);
    $mine = array_values(array_filter($report['findings'], function ($f) use ($id) {
        foreach ($f['locations'] as $loc) {
            if ($loc['document'] === $id) {
                return true;
            }
        }
        return false;
    }));
    $errors = array_filter($mine, fn($f) => $f['severity'] === 'error');
    if ($errors) {
        $data['post_status'] = 'draft';  // WordPress: also add_post_meta($id, 'doichieu_findings', $mine)
    }
    $data['doichieu_findings'] = $mine;
    return $data;
}

if (function_exists('add_filter')) {  // inside WordPress
    add_filter('wp_insert_post_data', function ($data, $postarr) {
        static $checker = null;
        $checker = $checker ?? new Doichieu();
        return doichieu_check_before_publish($data, $postarr, $checker, function ($postarr) {
            $out = [];
            foreach (get_posts(['tag' => $postarr['tags_input'][0] ?? '', 'post_status' => 'publish']) as $p) {
                $out[] = ['id' => 'post-' . $p->ID, 'text' => wp_strip_all_tags($p->post_content),
                          'published' => substr($p->post_date, 0, 10)];
            }
            return $out;
        });
    }, 10, 2);
    return;
}

// ---- run as a script: two reports of one event (our own sentences) -----------------------------------
$checker = new Doichieu();
echo "libdoichieu ", $checker->version(), "\n";
$published = [['id' => 'post-7', 'published' => '2024-05-10',
               'text' => 'Cầu Hòa Bình mới có tổng mức đầu tư 450 tỉ đồng, trong đó ngân sách trung ương 300 tỉ đồng, ngân sách tỉnh 150 tỉ đồng.']];
$related = fn($postarr) => $published;
$post = ['post_status' => 'publish', 'post_date' => '2024-05-11 08:00:00',
         'post_content' => '<p>Cầu Hòa Bình mới có tổng mức đầu tư 450 tỉ đồng, trong đó ngân sách trung ương 300 tỉ đồng, ngân sách tỉnh 120 tỉ đồng.</p>'];
$failures = [];

$saved = doichieu_check_before_publish($post, ['ID' => 8], $checker, $related);
foreach ($saved['doichieu_findings'] as $f) {
    $loc = $f['locations'][0];
    echo "{$loc['document']}:{$loc['line']}:{$loc['column']}: {$f['severity']}: {$f['message']} [{$f['rule']}]\n";
}
if ($saved['post_status'] !== 'draft') {
    $failures[] = 'the post should have been held back as a draft';
}
if (!in_array('TOTAL_EQUALS_PARTS', array_column($saved['doichieu_findings'], 'rule'), true)) {
    $failures[] = 'TOTAL_EQUALS_PARTS not reported';
}

$fixed = $post;
$fixed['post_content'] = str_replace('120 tỉ', '150 tỉ', $post['post_content']);
if (doichieu_check_before_publish($fixed, ['ID' => 8], $checker, $related)['post_status'] !== 'publish') {
    $failures[] = 'the corrected post was held back';
}

try {  // invalid UTF-8 is a status and a message, not a crash
    $checker->callRaw('doichieu_check', "{\"reports\": [{\"id\": \"x\", \"text\": \"\xC3\x28\"}]}");
    $failures[] = 'invalid UTF-8 was accepted';
} catch (InvalidArgumentException $e) {
    echo "bad request: {$e->getCode()} {$e->getMessage()}\n";
    if ($e->getCode() !== -3) {
        $failures[] = "invalid UTF-8 gave status {$e->getCode()}, expected -3";
    }
}

foreach ($failures as $f) {
    fwrite(STDERR, "FAIL: $f\n");
}
if (!$failures) {
    echo "OK: the post is held back for TOTAL_EQUALS_PARTS; the corrected one is published\n";
}
exit($failures ? 1 : 0);
