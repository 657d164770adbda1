# Reference side of scripts/bench_markdown.py: Jekyll 4.3's Markdown conversion (kramdown
# through Jekyll's converter, with Jekyll's default configuration) over a folder of
# documents, timed in-process so Ruby's and Jekyll's start-up are not counted.
#
#   ruby scripts/bench_markdown.rb DIR RUNS OUT.json
#
# Every document is converted once to warm up, then RUNS more times.  The converter's
# content-keyed cache is bypassed by calling its parser directly, so each run really
# converts.  OUT.json gets {"seconds": [per run], "doc_seconds": [[per document] per run],
# "doc_cpu": [[the thread's CPU seconds per document] per run], "html": {name: html}}; a
# summary in MB/s (10**6 bytes) goes to stdout.
require "json"
require "tmpdir"
require "jekyll"

dir, runs, out = ARGV[0], Integer(ARGV[1]), ARGV[2]
names = Dir.children(dir).select { |n| n.end_with?(".md") }.sort
docs = names.map { |n| File.read(File.join(dir, n), encoding: "utf-8") }
total_bytes = docs.sum(&:bytesize)

source = Dir.mktmpdir("jekyllpy-bench")
site = Jekyll::Site.new(Jekyll.configuration("source" => source,
                                             "destination" => File.join(source, "_site"),
                                             "quiet" => true, "disable_disk_cache" => true))
converter = site.find_converter_instance(Jekyll::Converters::Markdown)
converter.setup
parser = converter.instance_variable_get(:@parser)

clock = -> { Process.clock_gettime(Process::CLOCK_MONOTONIC) }
cpu = -> { Process.clock_gettime(Process::CLOCK_THREAD_CPUTIME_ID) }
html = names.zip(docs).to_h { |name, text| [name, parser.convert(text.dup)] }
doc_cpu = []
doc_seconds = Array.new(runs) do
  cpu_run = []
  wall_run = docs.map do |text|
    started, started_cpu = clock.call, cpu.call
    parser.convert(text)
    cpu_run << cpu.call - started_cpu
    clock.call - started
  end
  doc_cpu << cpu_run
  wall_run
end
seconds = doc_seconds.map(&:sum)

File.write(out, JSON.dump("seconds" => seconds, "doc_seconds" => doc_seconds,
                          "doc_cpu" => doc_cpu, "html" => html))
median = seconds.sort[seconds.size / 2]
printf("kramdown (Jekyll %s): %.2f MB/s median, %.2f MB/s best, %d runs\n",
       Jekyll::VERSION, total_bytes / median / 1e6, total_bytes / seconds.min / 1e6, runs)
