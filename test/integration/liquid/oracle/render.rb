#!/usr/bin/env ruby
# frozen_string_literal: true

# The reference renderer for Bridgebench's differential Liquid tests: Shopify's Ruby Liquid 5 with
# ActiveSupport loaded, as Braze renders (lax parsing, clock in UTC).
#
# Batch mode: one JSON object per stdin line, {"id", "template", "vars", "now"} (vars a JSON
# object, now an ISO time), and one JSON object per stdout line, {"id", "output", "errors"},
# errors being Liquid's messages for this render (empty when it rendered cleanly).
# `ruby render.rb --version` prints the Liquid and ActiveSupport versions.

ENV['TZ'] = 'UTC'
require 'json'
require 'time'
require 'liquid'
require 'active_support/all'

# The render's clock: `'now'` and Time.parse's missing date parts come from the case's `now`.
module OracleClock
  class << self
    attr_accessor :now
  end

  module FixedNow
    def now(*args, **options)
      OracleClock.now ? OracleClock.now.dup : super
    end
  end
end
Time.singleton_class.prepend(OracleClock::FixedNow)

if ARGV.first == '--version'
  puts JSON.generate(liquid: Liquid::VERSION, activesupport: ActiveSupport::VERSION::STRING)
  exit 0
end

def render_case(request)
  OracleClock.now = request['now'] ? Time.iso8601(request['now']).utc.localtime : nil
  template = Liquid::Template.parse(request['template'], error_mode: :lax)
  output = template.render(request['vars'] || {})
  { output: output, errors: template.errors.map { |e| e.message.to_s } }
rescue StandardError, SystemStackError => e
  { output: nil, errors: ["#{e.class}: #{e.message}"] }
end

$stdout.sync = true
$stdin.each_line do |line|
  next if line.strip.empty?

  request = JSON.parse(line)
  answer = render_case(request)
  puts JSON.generate({ id: request['id'] }.merge(answer))
end
