// The plain reading of a command line: the shape nearly every batch line has ("who-met Abe
// Putin --format json --status any"), read without Program_options' general machinery.
//
// A batch parses every line, and for a small answer Program_options' parse was most of the
// line's cost: each word is matched against every option of the command and the global ones in
// turn, and every option is visited again to store its default. A plain line is read here
// instead, into the very values Program_options would store. Anything else, or anything in
// doubt (a short option, a repeated one, a value that begins with "-", a number with a sign, an
// empty word), is not plain, and Program_options reads it, with its own messages: the plain
// reading never reports an error. Tests and the command-line fuzz target check that both
// readings agree wherever the plain one applies. Program_options' notify() is not run on a plain
// reading: parley's options have no notifiers, and a grammar with a required option is never
// read plainly.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <boost/program_options.hpp>

#include "option_values.h"
#include "parley/common/name_hash.h"

namespace parley::cli {

class PlainLineReader {
 public:
  // `options` and `positional` are the command's merged grammar, as Program_options reads it.
  // The defaults of options `read_elsewhere` names are left out, as OptionValues leaves them out
  // of what Program_options read (option_values.h).
  PlainLineReader(const boost::program_options::options_description& options,
                  const boost::program_options::positional_options_description& positional,
                  bool (*read_elsewhere)(std::string_view name) = nullptr);

  // Reads the options of argv[1..argc) (argv[1] being the command word) into `into`, in place (a
  // line's values are held inline, and moving them is a copy). False when the line is not plain;
  // `into` is then empty.
  bool read(int argc, const char* const argv[], OptionValues& into) const;

 private:
  enum class Kind { kSwitch, kText, kCount };  // no value; one string; one long long

  bool read_words(int argc, const char* const argv[], OptionValues& into) const;

  // Looked up by a view into the line's word, without copying it.
  std::unordered_map<std::string, Kind, NameHash, std::equal_to<>> options_;  // by long name: those a plain line may give
  std::vector<std::string> positional_;             // the name of each position, while plain
  OptionValues::Defaults defaults_;  // every line's: made once
  bool never_plain_ = false;  // a grammar with a required option
};

}  // namespace parley::cli
