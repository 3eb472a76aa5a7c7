// A command line's options by name (cli/option_values.h): a line's own values before the
// defaults its command shares with every other line, answering as variables_map does.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "option_values.h"
#include "query_support.h"

namespace po = boost::program_options;
using parley::cli::OptionValue;
using parley::cli::OptionValues;

namespace {

OptionValue given(const std::string& text) { return OptionValue(std::string(text), false); }
OptionValue defaulted(const std::string& text) { return OptionValue(std::string(text), true); }

OptionValues::Defaults defaults() {
  return std::make_shared<const std::vector<OptionValues::Entry>>(
      std::vector<OptionValues::Entry>{{"format", defaulted("text")}, {"status", defaulted("held")}});
}

}  // namespace

TEST_CASE("a given value hides its option's default, and a missing option has an empty value", "[options]") {
  const OptionValues values({{"a", given("Abe")}, {"format", given("json")}}, defaults());
  CHECK(values.count("a") == 1);
  CHECK(values["a"].as<std::string>() == "Abe");
  CHECK(values["format"].as<std::string>() == "json");
  CHECK_FALSE(values["format"].defaulted());
  CHECK(values.count("status") == 1);
  CHECK(values["status"].as<std::string>() == "held");
  CHECK(values["status"].defaulted());
  CHECK(values.count("b") == 0);
  CHECK(values["b"].empty());
}

TEST_CASE("options read by Program_options answer alike, defaults included", "[options]") {
  po::variables_map vm;
  vm.emplace("a", po::variable_value(std::string("Abe"), false));
  vm.emplace("format", po::variable_value(std::string("text"), true));
  vm.emplace("status", po::variable_value(std::string("held"), true));
  const OptionValues read(vm);
  const OptionValues plain({{"a", given("Abe")}}, defaults());
  CHECK(same_variables(read, plain));
  CHECK(read["status"].defaulted());

  SECTION("a value differs") {
    CHECK_FALSE(same_variables(read, OptionValues({{"a", given("Putin")}}, defaults())));
  }
  SECTION("an option is missing from one") {
    CHECK_FALSE(same_variables(read, OptionValues({}, defaults())));
  }
  SECTION("the same value, given on one side and defaulted on the other") {
    CHECK_FALSE(same_variables(read, OptionValues({{"a", given("Abe")}, {"format", given("text")}}, defaults())));
  }
}

TEST_CASE("set gives an option a value as if the line had, once", "[options]") {
  OptionValues values({{"a", given("Abe")}}, defaults());
  values.set("message", given("why"));
  values.set("message", given("why not"));
  values.set("status", given("any"));
  CHECK(values["message"].as<std::string>() == "why not");
  CHECK(values["status"].as<std::string>() == "any");
  CHECK_FALSE(values["status"].defaulted());
  CHECK(values.names() == std::vector<std::string_view>{"a", "format", "message", "status"});
}

TEST_CASE("a value keeps the type Program_options stored, and refuses to be read as another", "[options]") {
  po::variables_map vm;
  vm.emplace("depth", po::variable_value(1LL, true));
  vm.emplace("db", po::variable_value(std::vector<std::string>{"a.json", "b.json"}, false));
  vm.emplace("all", po::variable_value(std::string(), false));
  const OptionValues read(vm);
  CHECK(read["depth"].as<long long>() == 1);
  CHECK(read["depth"].defaulted());
  CHECK(read["db"].as<std::vector<std::string>>() == std::vector<std::string>{"a.json", "b.json"});
  CHECK(read["all"].as<std::string>().empty());
  CHECK_THROWS_AS(read["depth"].as<std::string>(), std::logic_error);
  CHECK_THROWS_AS(read["db"].as<long long>(), std::logic_error);
  CHECK_THROWS_AS(read["missing"].as<std::string>(), std::logic_error);
  SECTION("a count and the same digits as text differ") {
    CHECK_FALSE(OptionValue(1LL, false) == OptionValue(std::string("1"), false));
  }
  SECTION("a type no option has is refused") {
    CHECK_THROWS_AS(OptionValue(po::variable_value(2.5, false)), std::logic_error);
  }
}

TEST_CASE("a comma-separated option splits into trimmed, non-empty parts", "[options]") {
  using parley::cli::split_list;
  CHECK(split_list("held") == std::vector<std::string>{"held"});
  CHECK(split_list("held, planned ,cancelled") == std::vector<std::string>{"held", "planned", "cancelled"});
  CHECK(split_list(" , ,held,,") == std::vector<std::string>{"held"});
  CHECK(split_list("").empty());
  CHECK(split_list("   ").empty());
  CHECK(split_list("a b, c") == std::vector<std::string>{"a b", "c"});
}
