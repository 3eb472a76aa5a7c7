#include "manual.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <sstream>

#include "exit_codes.h"
#include "parley/version.h"

namespace po = boost::program_options;

namespace parley::cli {
namespace {

// One option as the three files show it.
struct OptionText {
  std::string long_name;    // "--status"
  std::string short_name;   // "-o", or ""
  std::string value;        // "DATE", or "" for a switch
  std::string default_text;  // "held", or ""
  std::string description;
  bool takes_file = false;  // its value is a file or folder: completed with file names
};

std::vector<OptionText> option_texts(const po::options_description& options, const CommandSpec* spec) {
  std::vector<OptionText> out;
  for (const auto& option : options.options()) {
    if (spec && is_positional(*spec, option->long_name())) continue;
    OptionText text;
    text.long_name = "--" + option->long_name();
    const std::string shown = option->format_name();  // "-o [ --output ]" or "--db"
    if (shown.size() > 1 && shown[0] == '-' && shown[1] != '-') text.short_name = shown.substr(0, 2);
    if (option->semantic()->max_tokens() > 0) {
      // "arg (=held)" or "DATE": the value's name and its default.
      std::string value = option->format_parameter();
      if (const auto open = value.find(" (="); open != std::string::npos) {
        text.default_text = value.substr(open + 3, value.size() - open - 4);
        value.erase(open);
      }
      if (option->long_name() == "db") value = "FILE";  // declared without a value name: --help says "arg"
      if (value == "arg") {
        value.clear();
        for (char c : option->long_name()) value += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      }
      text.value = value;
      // Not --render's "svg|png FILE", whose first value is a word.
      text.takes_file = (value.find("FILE") != std::string::npos || value.find("DIR") != std::string::npos) &&
                        value.find('|') == std::string::npos;
    }
    text.description = option->description();
    out.push_back(std::move(text));
  }
  return out;
}

std::string format_words(const std::vector<OutputFormat>& formats, const char* separator) {
  std::string out;
  for (const auto f : formats) out += (out.empty() ? "" : separator) + format_word(f);
  return out;
}

// Text for roff: backslashes and minus signs escaped, a line never starting with a control
// character, and every non-ASCII character as \[uXXXX] so that groff needs no input encoding.
std::string roff(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c == '\\') out += "\\e";
      else if (c == '-') out += "\\-";
      else if ((c == '.' || c == '\'') && (out.empty() || out.back() == '\n')) out += "\\&" + std::string(1, text[i]);
      else out += text[i];
      ++i;
      continue;
    }
    const int length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    std::uint32_t code = c & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F);
    for (int k = 1; k < length && i + k < text.size(); ++k) code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "\\[u%04X]", static_cast<unsigned>(code));
    out += buffer;
    i += length;
  }
  return out;
}

void man_options(std::ostream& out, const std::vector<OptionText>& options) {
  for (const auto& o : options) {
    out << ".TP\n\\fB" << roff(o.long_name) << "\\fR";
    if (!o.short_name.empty()) out << ", \\fB" << roff(o.short_name) << "\\fR";
    if (!o.value.empty()) out << " \\fI" << roff(o.value) << "\\fR";
    out << '\n' << roff(o.description);
    if (!o.default_text.empty()) out << " (default: " << roff(o.default_text) << ")";
    out << '\n';
  }
}

// A word list for bash: "--all --from -o".
std::string option_words(const std::vector<OptionText>& options) {
  std::string out;
  for (const auto& o : options) {
    out += (out.empty() ? "" : " ") + o.long_name;
    if (!o.short_name.empty()) out += " " + o.short_name;
  }
  return out;
}

// The options of `options` whose value is a file, as a bash case pattern: "--db|--schema|-o".
std::string file_option_pattern(const std::vector<OptionText>& options) {
  std::string out;
  for (const auto& o : options) {
    if (!o.takes_file) continue;
    out += (out.empty() ? "" : "|") + o.long_name;
    if (!o.short_name.empty()) out += "|" + o.short_name;
  }
  return out;
}

// Every option, global or a command's, whose value is a file: "--db|--schema|-o|...".
std::string file_options(const std::vector<Command>& commands) {
  std::string out = file_option_pattern(option_texts(global_options_description(), nullptr));
  for (const auto& c : commands) {
    const std::string own = file_option_pattern(option_texts(c.spec.options, &c.spec));
    if (!own.empty()) out += "|" + own;
  }
  return out;
}

// True when the command's positional arguments are files (batch FILE, fmt FILE...).
bool takes_files(const CommandSpec& spec) {
  for (const auto& option : spec.options.options()) {
    if (is_positional(spec, option->long_name()) && option->format_parameter().find("FILE") != std::string::npos) return true;
  }
  return false;
}

// Text inside a zsh single-quoted string.
std::string zsh_quoted(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out;
}

void zsh_items(std::ostream& out, const char* array, const std::vector<OptionText>& options) {
  out << "    " << array << "=(\n";
  for (const auto& o : options) {
    for (const auto& name : {o.long_name, o.short_name}) {
      if (!name.empty()) out << "      '" << name << ':' << zsh_quoted(o.description) << "'\n";
    }
  }
  out << "    )\n";
}

}  // namespace

std::string man_page(const std::vector<Command>& commands) {
  std::ostringstream out;
  out << ".\\\" parley(1), generated from parley's command table by parley_manual: do not edit.\n"
      << ".TH PARLEY 1 \"\" \"parley " << kVersion << "\" \"User Commands\"\n"
      << ".SH NAME\nparley \\- an embedded graph database of actors, places and relations\n"
      << ".SH SYNOPSIS\n.B parley\n.RI [ \"global options\" ]\n.I command\n.RI [ arguments ]\n"
      << ".SH DESCRIPTION\n"
      << "parley answers questions about diplomacy from a graph of actors, places and relations in which every\n"
         "fact carries its source: who met whom, how two entities are connected, what surrounds an entity, and\n"
         "what was known when. It embeds a curated dataset of the Japan\\(enRussia peace\\-treaty talks of\n"
         "2018\\(en2019, opened when no \\fB\\-\\-db\\fR is given; \\fB\\-\\-db\\fR opens dataset files (JSON) or a store.\n"
         ".PP\nGlobal options may stand before or after the command.\n"
         "\\fBparley\\fR with no command starts the interactive shell on a terminal.\n"
      << ".SH GLOBAL OPTIONS\n";
  man_options(out, option_texts(global_options_description(), nullptr));
  out << ".SH COMMANDS\n";
  for (const auto& c : commands) {
    out << ".SS " << roff(c.spec.name) << "\n.nf\n\\fBparley\\fR " << roff(c.spec.synopsis) << "\n.fi\n.PP\n"
        << roff(c.spec.summary) << ".\nFormats: " << format_words(c.spec.formats, ", ") << ".\n";
    const auto options = option_texts(c.spec.options, &c.spec);
    if (!options.empty()) {
      out << ".RS\n";
      man_options(out, options);
      out << ".RE\n";
    }
  }
  out << ".SH EXIT STATUS\n"
      << ".TP\n" << kExitOk << "\nsuccess; for a query, an answer was given (which may be that nothing was found)\n"
      << ".TP\n" << kExitInvalidData << "\na dataset or the schema is invalid\n"
      << ".TP\n" << kExitUsage << "\nthe command line is wrong\n"
      << ".TP\n" << kExitQueryError << "\nthe query names something that does not exist or is ambiguous\n"
      << ".TP\n" << kExitIoError << "\na file could not be read or written\n"
      << ".SH SEE ALSO\n"
      << "\\fBparley \\fIcommand\\fB \\-\\-help\\fR prints one command's options. The user guide (guide.md), the\n"
         "query reference (queries.md) and the dataset format (schema.md) are in parley's docs folder.\n";
  return out.str();
}

std::string bash_completion(const std::vector<Command>& commands) {
  const auto global = option_texts(global_options_description(), nullptr);
  std::vector<OutputFormat> every_format;
  std::string names;
  for (const auto& c : commands) {
    names += (names.empty() ? "" : " ") + c.spec.name;
    for (const auto f : c.spec.formats) {
      if (std::find(every_format.begin(), every_format.end(), f) == every_format.end()) every_format.push_back(f);
    }
  }
  std::ostringstream out;
  out << "# bash completion for parley, generated from its command table by parley_manual: do not edit.\n"
      << "_parley() {\n"
      << "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} command= i\n"
      << "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
      << "    case ${COMP_WORDS[i]} in\n"
      << "      " << [&] {
           std::string pattern;
           for (const auto& c : commands) pattern += (pattern.empty() ? "" : "|") + c.spec.name;
           return pattern;
         }() << ") command=${COMP_WORDS[i]}; break ;;\n"
      << "    esac\n"
      << "  done\n"
      << "  local formats=\"" << format_words(every_format, " ") << "\" options=\n"
      << "  case $command in\n";
  for (const auto& c : commands) {
    const auto options = option_texts(c.spec.options, &c.spec);
    out << "    " << c.spec.name << ") options=\"" << option_words(options) << "\"; formats=\""
        << format_words(c.spec.formats, " ") << "\" ;;\n";
  }
  std::string file_commands;
  for (const auto& c : commands) {
    if (takes_files(c.spec)) file_commands += (file_commands.empty() ? "" : "|") + c.spec.name;
  }
  out << "  esac\n"
      << "  case $prev in\n"
      << "    " << file_options(commands) << ") COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n"
      << "    --format) COMPREPLY=($(compgen -W \"$formats\" -- \"$cur\")); return ;;\n"
      << "  esac\n"
      << "  if [[ $cur == -* ]]; then\n"
      << "    COMPREPLY=($(compgen -W \"$options " << option_words(global) << "\" -- \"$cur\"))\n"
      << "  elif [[ -z $command ]]; then\n"
      << "    COMPREPLY=($(compgen -W \"" << names << "\" -- \"$cur\"))\n"
      << "  else\n"
      << "    case $command in\n"
      << "      " << (file_commands.empty() ? "''" : file_commands) << ") COMPREPLY=($(compgen -f -- \"$cur\")) ;;\n"
      << "    esac\n"
      << "  fi\n"
      << "}\n"
      << "complete -o filenames -F _parley parley\n";
  return out.str();
}

std::string zsh_completion(const std::vector<Command>& commands) {
  std::ostringstream out;
  out << "#compdef parley\n"
      << "# zsh completion for parley, generated from its command table by parley_manual: do not edit.\n"
      << "_parley() {\n"
      << "  local -a commands global options\n"
      << "  local cmd= word\n"
      << "  commands=(\n";
  for (const auto& c : commands) out << "    '" << c.spec.name << ':' << zsh_quoted(c.spec.summary) << "'\n";
  out << "  )\n";
  zsh_items(out, "global", option_texts(global_options_description(), nullptr));
  out << "  for word in ${words[2,CURRENT-1]}; do\n"
      << "    if (( ${commands[(I)${word}:*]} )); then cmd=$word; break; fi\n"
      << "  done\n"
      << "  case $cmd in\n";
  for (const auto& c : commands) {
    out << "  " << c.spec.name << ")\n";
    zsh_items(out, "options", option_texts(c.spec.options, &c.spec));
    out << "    ;;\n";
  }
  out << "  esac\n"
      << "  case ${words[CURRENT-1]} in\n"
      << "    " << file_options(commands) << ") _files; return ;;\n"
      << "  esac\n"
      << "  if [[ -z $cmd && ${words[CURRENT]} != -* ]]; then\n"
      << "    _describe -t commands 'parley command' commands\n"
      << "  elif [[ ${words[CURRENT]} == -* ]]; then\n"
      << "    _describe -t options 'option' options -- global\n"
      << "  else\n"
      << "    _files\n"
      << "  fi\n"
      << "}\n"
      << "_parley \"$@\"\n";
  return out.str();
}

}  // namespace parley::cli
