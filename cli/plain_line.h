// The plain reading of a command line: the shape nearly every batch line has ("who-met Abe
// Putin --format json --status any"), read without Program_options' general machinery.
//
// A batch parses every line, and for a small answer Program_options' parse was most of the
// line's cost: each word is matched against every option of the command and the global ones in
// turn, and every option is visited again to store its default. A plain line is read here
// instead, into the very variables Program_options would store. Anything else, or anything in
// doubt (a short option, a repeated one, a value that begins with "-", a number with a sign, an
// empty word), is not plain, and Program_options reads it, with its own messages: the plain
// reading never reports an error. Tests and the command-line fuzz target check that both
// readings agree wherever the plain one applies. Program_options' notify() is not run on a plain
// reading: parley's options have no notifiers, and a grammar with a required option is never
// read plainly.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/any.hpp>
#include <boost/program_options.hpp>

namespace parley::cli {

class PlainLineReader {
 public:
  // `options` and `positional` are the command's merged grammar, as Program_options reads it.
  PlainLineReader(const boost::program_options::options_description& options,
                  const boost::program_options::positional_options_description& positional);

  // The variables of argv[1..argc) (argv[1] being the command word), or nullopt when the line is
  // not plain.
  std::optional<boost::program_options::variables_map> read(int argc, const char* const argv[]) const;

 private:
  enum class Kind { kSwitch, kText, kCount };  // no value; one string; one long long

  std::unordered_map<std::string, Kind> options_;  // by long name: those a plain line may give
  std::vector<std::string> positional_;             // the name of each position, while plain
  std::vector<std::pair<std::string, boost::any>> defaults_;
  bool never_plain_ = false;  // a grammar with a required option
};

// True when both maps hold the same variables, each with the same value and the same
// defaulted() flag (values of the types parley's options have: string, long long, a list of
// strings, and a switch's empty value).
bool same_variables(const boost::program_options::variables_map& a, const boost::program_options::variables_map& b);

}  // namespace parley::cli
