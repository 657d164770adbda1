# Times Jekyll 4.3's Markdown conversion (kramdown through Jekyll's converter) over a folder
# of documents, in-process, start-up excluded.  Usage: ruby bench_markdown.rb DIR RUNS OUT.json
# Writes {"seconds": [...per run...], "html": {name: html}} to OUT.json.
require "json"
require "tmpdir"
require "jekyll"

dir, runs, out = ARGV[0], Integer(ARGV[1]), ARGV[2]
docs = Dir.children(dir).sort.select { |n| n.end_with?(".md") }.map { |n| [n, File.read(File.join(dir, n), encoding: "utf-8")] }
source = Dir.mktmpdir("jekyllpy-bench")
site = Jekyll::Site.new(Jekyll.configuration("source" => source, "destination" => File.join(source, "_site"),
                                             "quiet" => true, "disable_disk_cache" => true))
markdown = site.find_converter_instance(Jekyll::Converters::Markdown)
markdown.setup
parser = markdown.instance_variable_get(:@parser) # the converter's own cache is bypassed
html = {}
docs.each { |name, text| html[name] = parser.convert(text) } # warm-up
seconds = (1..runs).map do
  t = Process.clock_gettime(Process::CLOCK_MONOTONIC)
  docs.each { |_name, text| parser.convert(text) }
  Process.clock_gettime(Process::CLOCK_MONOTONIC) - t
end
File.write(out, JSON.dump("seconds" => seconds, "html" => html))
