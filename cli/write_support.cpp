#include "write_support.h"

#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <ostream>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "answer_format.h"
#include "exit_codes.h"
#include "output_file.h"
#include "parley/store/dataset_file_lock.h"
#include "parley/store/json_write.h"
#include "parley/store/open.h"
#include "query_support.h"

namespace po = boost::program_options;

namespace parley::cli {
namespace {

void transaction_options(po::options_description& options) {
  options.add_options()
      ("message,m", po::value<std::string>()->value_name("TEXT"), "why: recorded with the transaction (required)")
      ("author", po::value<std::string>()->value_name("NAME"), "who: recorded with the transaction (default: your login name)");
}

std::string text(const OptionValues& vm, const char* name) {
  return vm.count(name) ? vm[name].as<std::string>() : std::string();
}

std::string required(const OptionValues& vm, const char* name, const std::string& what) {
  if (!vm.count(name) || vm[name].as<std::string>().empty()) throw po::error(what + " needs --" + name);
  return vm[name].as<std::string>();
}

std::vector<std::string> words(const OptionValues& vm, const char* name) {
  return vm.count(name) ? vm[name].as<std::vector<std::string>>() : std::vector<std::string>{};
}

NamedValues named_values(const OptionValues& vm, const char* name) {
  NamedValues out;
  for (const auto& item : words(vm, name)) {
    const auto equals = item.find('=');
    if (equals == std::string::npos || equals == 0) {
      throw po::error(std::string("--") + name + " takes NAME=VALUE, not \"" + item + "\"");
    }
    out.emplace_back(item.substr(0, equals), item.substr(equals + 1));
  }
  return out;
}

Provenance provenance(const OptionValues& vm, const std::string& what) {
  if (!vm.count("source") || !vm.count("quote")) {
    throw po::error(what + " needs --source ID and --quote TEXT: every fact keeps where it comes from");
  }
  return Provenance{vm["source"].as<std::string>(), vm["quote"].as<std::string>()};
}

// Refuses options the kind of write does not take, so that a typo never passes silently.
void allow_only(const OptionValues& vm, const std::string& what, std::initializer_list<const char*> allowed) {
  static const std::vector<std::string> write_options = {
      "kind", "name", "alias", "attribute", "property", "source", "quote", "publisher", "title", "published",
      "file", "url", "note", "qualifier", "participants", "at", "date", "status", "id", "value", "all",
      "with-relations"};
  for (const auto& option : write_options) {
    if (!vm.count(option)) continue;
    if (std::find(allowed.begin(), allowed.end(), option) == allowed.end()) {
      throw po::error(what + " does not take --" + option);
    }
  }
}

// The positional arguments after the kind of write: exactly `names`, in order.
std::vector<std::string> arguments(const OptionValues& vm, const std::string& what,
                                   std::initializer_list<const char*> names) {
  const std::vector<std::string> given = words(vm, "arguments");
  if (given.size() != names.size()) {
    std::string usage;
    for (const char* n : names) usage += std::string(" ") + n;
    throw po::error(what + " takes" + (usage.empty() ? " no arguments" : usage) + ", given " +
                    std::to_string(given.size()));
  }
  return given;
}

}  // namespace

CommandSpec add_spec() {
  CommandSpec spec;
  spec.name = "add";
  spec.synopsis = "add source|entity|relation|alias|attribute|meeting ARGS... -m TEXT [--author NAME]";
  spec.summary = "add facts to a store or a JSON dataset, checked as a dataset file is (see docs/writes.md)";
  spec.options.add_options()
      ("what", po::value<std::string>(), "what to add")
      ("arguments", po::value<std::vector<std::string>>(), "its arguments")
      ("kind", po::value<std::string>(), "entity: its kind; meeting: the gathering kind (default meeting)")
      ("name", po::value<std::string>(), "entity: its name; meeting: its name (default made from the others)")
      ("alias", po::value<std::vector<std::string>>(), "entity: another name (repeat)")
      ("attribute", po::value<std::vector<std::string>>()->value_name("NAME=VALUE"), "entity: an attribute (repeat)")
      ("property", po::value<std::vector<std::string>>()->value_name("NAME=VALUE"), "relation: a property (repeat)")
      ("source", po::value<std::string>()->value_name("ID"), "the source the fact comes from")
      ("quote", po::value<std::string>()->value_name("TEXT"), "the source's own words for it")
      ("publisher", po::value<std::string>(), "source: who published it")
      ("title", po::value<std::string>(), "source: its title")
      ("published", po::value<std::string>()->value_name("DATE"), "source: when")
      ("file", po::value<std::string>(), "source: the stored text it was read from")
      ("url", po::value<std::string>(), "source: where it is online")
      ("note", po::value<std::string>(), "source, alias: a remark")
      ("qualifier", po::value<std::string>(), "attribute: what the value is of")
      ("attribution", po::value<std::string>()->value_name("TEXT"), "attribute: who, in the source, says so")
      ("byline", po::value<std::string>()->value_name("TEXT"), "source: its byline, copied exactly")
      ("written-by", po::value<std::vector<std::string>>()->value_name("NAME"), "source: an author its byline names (repeat)")
      ("participants", po::value<std::string>()->value_name("A,B,..."), "meeting: who took part")
      ("at", po::value<std::string>()->value_name("PLACE"), "meeting: where it was held")
      ("date", po::value<std::string>()->value_name("DATE"), "meeting: when")
      ("status", po::value<std::string>(), "meeting: held, planned, cancelled, ...")
      ("id", po::value<std::string>(), "meeting: its id (default made from the others); relation: its id (default none)");
  transaction_options(spec.options);
  spec.positional.add("what", 1).add("arguments", -1);
  return spec;
}

CommandSpec retract_spec() {
  CommandSpec spec;
  spec.name = "retract";
  spec.synopsis = "retract source|entity|relation|alias|attribute ARGS... -m TEXT [--author NAME]";  // relation: TYPE FROM TO, or its ID
  spec.summary = "retract facts from a store (its history keeps them) or a JSON dataset (docs/writes.md)";
  spec.options.add_options()
      ("what", po::value<std::string>(), "what to retract")
      ("arguments", po::value<std::vector<std::string>>(), "which")
      ("property", po::value<std::vector<std::string>>()->value_name("NAME=VALUE"), "relation: only one with this property")
      ("value", po::value<std::string>(), "attribute: only the one with this value")
      ("all", "every record that matches, not just one")
      ("with-relations", "entity: its relations too");
  transaction_options(spec.options);
  spec.positional.add("what", 1).add("arguments", -1);
  return spec;
}

bool is_write_line(const std::vector<std::string>& words) {
  for (const auto& w : words) {
    if (w.starts_with("-")) continue;  // global options before the command word
    return w == "add" || w == "retract";
  }
  return false;
}

Write write_from_options(const ParsedCommandLine& args, const std::string& label) {
  const OptionValues& vm = args.command_options;
  const std::string command = args.command;
  if (!vm.count("what")) throw po::error(command + " needs to know what: " + (command == "add" ? add_spec() : retract_spec()).synopsis);
  const std::string what = vm["what"].as<std::string>();
  const std::string name = command + " " + what;
  Write write;
  write.label = label.empty() ? name : label;
  if (command == "add") {
    if (what == "source") {
      allow_only(vm, name, {"publisher", "title", "published", "file", "url", "note", "byline", "written-by"});
      const auto a = arguments(vm, name, {"ID"});
      write.what = AddSource{Source{a[0], required(vm, "publisher", name), required(vm, "title", name), text(vm, "published"),
                                    text(vm, "file"), text(vm, "url"), text(vm, "note"), {},  // a document: its facts are quoted
                                    text(vm, "byline"), words(vm, "written-by")}};
    } else if (what == "entity") {
      allow_only(vm, name, {"kind", "name", "alias", "attribute", "source", "quote"});
      const auto a = arguments(vm, name, {"ID"});
      write.what = AddEntity{a[0], required(vm, "kind", name), required(vm, "name", name), words(vm, "alias"),
                             named_values(vm, "attribute"), provenance(vm, name)};
    } else if (what == "relation") {
      allow_only(vm, name, {"property", "source", "quote", "id"});
      const auto a = arguments(vm, name, {"TYPE", "FROM", "TO"});
      write.what = AddRelation{a[0], a[1], a[2], named_values(vm, "property"), provenance(vm, name), text(vm, "id")};
    } else if (what == "alias") {
      allow_only(vm, name, {"note", "source", "quote"});
      const auto a = arguments(vm, name, {"ENTITY", "NAME"});
      AddAlias alias{a[0], a[1], text(vm, "note"), std::nullopt};
      if (vm.count("source") || vm.count("quote")) alias.provenance = provenance(vm, name);
      write.what = alias;
    } else if (what == "attribute") {
      allow_only(vm, name, {"qualifier", "source", "quote", "attribution"});
      const auto a = arguments(vm, name, {"ENTITY", "NAME", "VALUE"});
      write.what = AddAttribute{a[0], a[1], a[2], text(vm, "qualifier"), provenance(vm, name), text(vm, "attribution")};
    } else if (what == "meeting") {
      allow_only(vm, name, {"participants", "at", "date", "status", "id", "name", "kind", "source", "quote"});
      arguments(vm, name, {});
      AddMeeting meeting;
      meeting.participants = split_list(required(vm, "participants", name));
      meeting.at = required(vm, "at", name);
      meeting.date = text(vm, "date");
      meeting.status = text(vm, "status");
      meeting.id = text(vm, "id");
      meeting.name = text(vm, "name");
      if (vm.count("kind")) meeting.kind = vm["kind"].as<std::string>();
      meeting.provenance = provenance(vm, name);
      write.what = meeting;
    } else {
      throw po::error("add takes source, entity, relation, alias, attribute or meeting, not \"" + what + "\"");
    }
    return write;
  }
  Retract retract;
  retract.all = vm.count("all") > 0;
  if (what == "source") {
    allow_only(vm, name, {});
    retract.what = Retract::What::kSource;
    retract.target = arguments(vm, name, {"ID"})[0];
  } else if (what == "entity") {
    allow_only(vm, name, {"with-relations"});
    retract.what = Retract::What::kEntity;
    retract.target = arguments(vm, name, {"ENTITY"})[0];
    retract.with_relations = vm.count("with-relations") > 0;
  } else if (what == "relation") {
    retract.what = Retract::What::kRelation;
    if (words(vm, "arguments").size() == 1) {  // a relation named by its id
      allow_only(vm, name, {});
      retract.target = arguments(vm, name, {"ID"})[0];
    } else {
      allow_only(vm, name, {"property", "all"});
      const auto a = arguments(vm, name, {"TYPE", "FROM", "TO"});
      retract.target = a[0];
      retract.from = a[1];
      retract.to = a[2];
      retract.properties = named_values(vm, "property");
    }
  } else if (what == "alias") {
    allow_only(vm, name, {});
    const auto a = arguments(vm, name, {"ENTITY", "NAME"});
    retract.what = Retract::What::kAlias;
    retract.target = a[0];
    retract.name = a[1];
  } else if (what == "attribute") {
    allow_only(vm, name, {"value", "all"});
    const auto a = arguments(vm, name, {"ENTITY", "NAME"});
    retract.what = Retract::What::kAttribute;
    retract.target = a[0];
    retract.name = a[1];
    retract.value = text(vm, "value");
  } else {
    throw po::error("retract takes source, entity, relation, alias or attribute, not \"" + what + "\"");
  }
  write.what = retract;
  return write;
}

TransactionInfo transaction_from_options(const OptionValues& vm) {
  TransactionInfo info;
  if (!vm.count("message") || vm["message"].as<std::string>().empty()) {
    throw po::error("a write needs -m TEXT saying why; it is kept in the store's log");
  }
  info.message = vm["message"].as<std::string>();
  if (vm.count("author") && !vm["author"].as<std::string>().empty()) {
    info.author = vm["author"].as<std::string>();
  } else if (const passwd* user = getpwuid(getuid()); user && user->pw_name) {
    info.author = user->pw_name;
  } else if (const char* name = std::getenv("USER")) {
    info.author = name;
  } else {
    info.author = "uid " + std::to_string(getuid());
  }
  return info;
}

namespace {

int finish_with_errors(const Diagnostics& diagnostics, std::ostream& err) {
  print_diagnostics(diagnostics, err);
  err << diagnostics.size() << (diagnostics.size() == 1 ? " error" : " errors") << "; nothing was written\n";
  int code = kExitInvalidData;
  for (const auto& d : diagnostics.items()) {
    if (d.code == ErrorCode::kIoError) return kExitIoError;
    if (d.code == ErrorCode::kUsage) code = kExitUsage;
    if ((d.code == ErrorCode::kNameNotFound || d.code == ErrorCode::kNameAmbiguous) && code == kExitInvalidData) {
      code = kExitQueryError;
    }
  }
  return code;
}

// What a write did, as one JSON object: the members `members` writes (given the writer and a
// function that writes a string), then "done", one line per write. Indented for --format json,
// on one line for a batch's --format jsonl.
template <typename Members>
void print_write_report(std::ostream& out, OutputFormat format, const std::vector<std::string>& done,
                        const Members& members) {
  const auto emit = [&](auto& w) {
    const auto text = [&w](std::string_view t) { w.String(t.data(), static_cast<rapidjson::SizeType>(t.size())); };
    w.StartObject();
    members(w, text);
    w.Key("done");
    w.StartArray();
    for (const auto& d : done) text(d);
    w.EndArray();
    w.EndObject();
  };
  rapidjson::StringBuffer buffer;
  if (format == OutputFormat::kJsonl) {
    OneLineAnswerWriter w(buffer);
    emit(w);
  } else {
    PrettyAnswerWriter w(buffer);
    w.SetIndent(' ', 2);
    emit(w);
  }
  out << buffer.GetString() << '\n';
}

// Writes to a JSON dataset file: checked as a store's are, then the file replaced whole (a
// temporary file, synced, renamed over it, the folder synced), under the file's lock.
int run_json_writes(const CommandContext& context, const std::vector<Write>& writes) {
  const auto& global = context.args.global;
  const OptionValues& vm = context.args.command_options;
  if (vm.count("message") || vm.count("author")) {
    throw po::error("a JSON dataset keeps no history, so -m and --author would be stored nowhere: say why in your "
                    "version control (git commit -m), or write to a store, whose log keeps them");
  }
  Diagnostics diagnostics;
  const auto target = json_write_target(global.databases, diagnostics);
  if (!target) return finish_with_errors(diagnostics, context.err);
  const std::string& path = global.databases[*target];
  const auto lock = DatasetFileLock::acquire(path, writer_wait(path, context.err), diagnostics);
  if (!lock) return finish_with_errors(diagnostics, context.err);
  JsonWrite write;
  if (!plan_json_writes(global.databases, *target, global.schemas, global.max_input_bytes, writes, write, diagnostics)) {
    return finish_with_errors(diagnostics, context.err);
  }
  if (const auto written = write_output_file(path, write.text); !written.error.empty()) {
    context.err << "parley: " << written.error << "; nothing was written\n";
    return kExitIoError;
  }
  if (global.format == OutputFormat::kJson || global.format == OutputFormat::kJsonl) {
    print_write_report(context.out, global.format, write.done, [&](auto& w, const auto& text) {
      w.Key("file");
      text(path);
    });
    return kExitOk;
  }
  context.out << path << " written\n";
  for (const auto& d : write.done) context.out << "  " << d << '\n';
  return kExitOk;
}

}  // namespace

Store::Wait writer_wait(const std::string& path, std::ostream& err) {
  Store::Wait wait;
  if (const char* seconds = std::getenv("PARLEY_WAIT_SECONDS")) wait.timeout_ms = std::atoi(seconds) * 1000;
  const int timeout = wait.timeout_ms / 1000;
  wait.on_wait = [&err, path, timeout] {
    err << "parley: " << path << " is being written by another process; waiting up to " << timeout << " s\n";
  };
  return wait;
}

int run_writes(const CommandContext& context, const std::vector<Write>& writes) {
  const auto& paths = context.args.global.databases;
  if (context.database) throw po::error("writes run on their own or in a batch of writes, not in a session of queries");
  if (context.args.global.as_of_transaction || context.args.global.as_of_time) {
    throw po::error("a write applies to the data as it is now, not --as-of");
  }
  if (paths.empty()) {
    throw po::error("writes go to a store (--db FILE.parley; make one with `parley build`) or to a JSON dataset "
                    "(--db FILE.json); the embedded dataset is never written");
  }
  if (!names_a_store(paths)) return run_json_writes(context, writes);
  if (paths.size() != 1) throw po::error("a store is written alone: give one --db, the store");
  const TransactionInfo info = transaction_from_options(context.args.command_options);
  Diagnostics diagnostics;
  const auto finish = [&] { return finish_with_errors(diagnostics, context.err); };
  auto store = Store::open(paths.front(), diagnostics);
  if (!store) return finish();
  const Store::Wait wait = writer_wait(paths.front(), context.err);
  WriteResult result;
  if (!apply_writes(*store, writes, info, wait, result, diagnostics)) return finish();
  if (context.args.global.format == OutputFormat::kJson || context.args.global.format == OutputFormat::kJsonl) {
    print_write_report(context.out, context.args.global.format, result.done, [&](auto& w, const auto& text) {
      w.Key("transaction");
      w.Int64(result.transaction.id);
      w.Key("time");
      text(result.transaction.time);
      w.Key("author");
      text(result.transaction.author);
      w.Key("message");
      text(result.transaction.message);
    });
    return kExitOk;
  }
  context.out << "transaction " << result.transaction.id << " committed (" << result.transaction.author << ": "
              << result.transaction.message << ")\n";
  for (const auto& d : result.done) context.out << "  " << d << '\n';
  return kExitOk;
}

}  // namespace parley::cli
