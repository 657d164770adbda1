# Converts Markdown exactly as Jekyll 4.3's Markdown converter does, for fixture generation.
#
# Protocol: one JSON object per input line, {"id": ..., "text": "...", "config": {...}},
# where "config" is an optional _config.yml fragment merged over Jekyll's defaults; one JSON
# object per output line, {"id": ..., "html": "..."} or {"id": ..., "error": "..."}.
require "json"
require "tmpdir"
require "jekyll"

$stdout.sync = true
real_stdout = $stdout.dup
$stdout.reopen($stderr) # keep library chatter out of the protocol

SOURCE = Dir.mktmpdir("jekyllpy-oracle")
converters = {}

converter_for = lambda do |config|
  key = JSON.dump(config || {})
  converters[key] ||= begin
    overrides = (config || {}).merge("source" => SOURCE, "destination" => File.join(SOURCE, "_site"),
                                     "quiet" => true, "disable_disk_cache" => true)
    site = Jekyll::Site.new(Jekyll.configuration(overrides))
    markdown = site.find_converter_instance(Jekyll::Converters::Markdown)
    markdown.setup
    markdown
  end
end

STDIN.each_line do |line|
  request = JSON.parse(line)
  begin
    converter = converter_for.call(request["config"])
    # Jekyll caches conversions by content; a fresh parser call per request avoids it.
    html = converter.instance_variable_get(:@parser).convert(request["text"].dup)
    real_stdout.puts(JSON.dump("id" => request["id"], "html" => html))
  rescue StandardError, SystemStackError => e
    real_stdout.puts(JSON.dump("id" => request["id"], "error" => "#{e.class}: #{e.message}"))
  end
  real_stdout.flush
end
