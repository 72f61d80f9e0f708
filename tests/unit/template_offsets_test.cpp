// Where errors point, and the pieces promtool's message is made of.
#include <catch2/catch.hpp>

#include <string>

#include "template/go_template.hpp"

using rbc::gotmpl::check_syntax;

namespace {

// The offset of the error, or -1 when the text is accepted.
long offset_of(std::string_view text) {
  const auto error = check_syntax(text, "__alert_A");
  return error ? static_cast<long>(error->offset) : -1;
}

}  // namespace

TEST_CASE("template errors point at the offending token", "[template]") {
  CHECK(offset_of("ok {{ $labels.instance }}") == -1);
  CHECK(offset_of("{{ foo }}") == 3);
  CHECK(offset_of("ab {{ $x }}") == 6);
  CHECK(offset_of("{{ .a , }}") == 6);
  CHECK(offset_of("{{ if . }}x") == 11);  // unexpected EOF: end of text
  CHECK(offset_of("{{ end }}") == 3);
  CHECK(offset_of("{{ \"abc") == 3);  // unterminated string starts at its quote
  CHECK(offset_of("x {{/* c */ y }}") == 4);  // Go points at the comment
  CHECK(offset_of("{{ 1 | 2 }}") == 7);
  CHECK(offset_of("{{ \"x\".y }}") == 6);
}

TEST_CASE("template error lines follow Go", "[template]") {
  const auto error = check_syntax("a\nb\n{{ foo }}", "__alert_A");
  REQUIRE(error);
  CHECK(error->line == 3);
  CHECK(error->offset == 7);
  CHECK(rbc::gotmpl::promtool_message(*error, "A") == "template: __alert_A:3: function \"foo\" not defined");

  const auto unclosed = check_syntax("{{ .a\n", "__alert_Disk");
  REQUIRE(unclosed);
  CHECK(unclosed->line == 2);
  CHECK(unclosed->message == "unclosed action started at __alert_Disk:1");
}

TEST_CASE("template header variables are defined, others are not", "[template]") {
  for (const char* ok : {"{{ $labels }}", "{{ $externalLabels.x }}", "{{ $externalURL }}", "{{ $value }}", "{{ $ }}"}) {
    CHECK_FALSE(check_syntax(ok));
  }
  const auto error = check_syntax("{{ $values }}");
  REQUIRE(error);
  CHECK(error->message == "undefined variable \"$values\"");
  // A {{define}} body starts a fresh scope without the header's variables.
  CHECK(check_syntax("{{ define \"x\" }}{{ $labels }}{{ end }}"));
  // Redefining the rule's own template name collides with the top level.
  CHECK(check_syntax("{{ define \"__alert_A\" }}x{{ end }}", "__alert_A"));
  CHECK_FALSE(check_syntax("{{ define \"__alert_B\" }}x{{ end }}", "__alert_A"));
}

TEST_CASE("template checker survives hostile input", "[template]") {
  std::string deep;
  for (int i = 0; i < 2000; ++i) deep += "{{ if . }}";
  CHECK(check_syntax(deep));
  std::string parens = "{{ ";
  for (int i = 0; i < 2000; ++i) parens += "(";
  CHECK(check_syntax(parens + " }}"));
  CHECK(check_syntax(std::string("{{ \xff\xfe }}")));
  CHECK(check_syntax(std::string("{{ \"a\0b\" }}", 11)) == std::nullopt);
  CHECK(check_syntax("{{"));
  CHECK_FALSE(check_syntax(""));
}
