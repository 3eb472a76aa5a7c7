// parley show A: the entity card. parley why A B: the quotes behind what links
// two entities.
#include <algorithm>
#include <ostream>

#include "commands.h"
#include "exit_codes.h"
#include "graph_output.h"
#include "presentation.h"
#include "query_support.h"
#include "parley/common/terminal_text.h"
#include "parley/query/entity_card.h"
#include "parley/query/event_facts.h"

namespace po = boost::program_options;

namespace parley::cli {
namespace {

void print_quotes(std::ostream& out, const Dataset& data, const CitationList& citations, const std::string& indent) {
  for (const auto& c : citations) {
    out << indent << data.sources[c.source].id << ": ";
    if (c.is_coded()) out << record_text(data, c) << '\n';
    else out << '"' << single_line(c.quote) << "\"\n";
  }
}


int run_show(const CommandContext& context) {
  int exit_code = kExitOk;
  const OptionValues& vm = context.args.command_options;
  ReadScope scope;
  if (vm.count("a")) scope.names.push_back(vm["a"].as<std::string>());
  const Database* db = open_database(context, exit_code, scope.names.empty() ? nullptr : &scope);
  if (!db) return exit_code;
  if (!vm.count("a")) throw po::error("show needs a name: parley show A");
  const EntityIndex entity = entity_argument(*db, vm["a"].as<std::string>());
  const EntityCard card = entity_card(*db, entity);
  const Dataset& data = db->dataset();
  const Entity& e = data.entities[entity];

  if (graph_format(context) || context.args.render) {
    const int code = emit_graph(context, *db, to_subgraph(*db, card), e.name);
    if (graph_format(context) || code != kExitOk) return code;
  }
  if (context.args.global.format == OutputFormat::kJson) {
    JsonOutput json;
    auto& w = json.writer();
    w.StartObject();
    json.field("id", e.id);
    json.field("name", e.name);
    json.field("kind", db->schema().kind(e.kind).name);
    json.key("aliases");
    w.StartArray();
    for (const auto& alias : e.aliases) {
      w.StartObject();
      json.field("name", alias.name);
      if (!alias.note.empty()) json.field("note", alias.note);
      json.key("sources");
      write_citations(json, data, alias.citations);
      w.EndObject();
    }
    w.EndArray();
    json.key("sources");
    write_citations(json, data, e.citations);
    if (std::any_of(data.merged.begin(), data.merged.end(), [&](const MergedEntity& m) { return m.into == entity; })) {
      json.key("same_as");  // entities folded into this one by identity records
      w.StartArray();
      for (const auto& m : data.merged) {
        if (m.into != entity) continue;
        w.StartObject();
        json.field("id", m.id);
        json.field("name", m.name);
        json.field("file", data.files[m.file]);
        w.EndObject();
      }
      w.EndArray();
    }
    json.key("attributes");
    w.StartArray();
    for (const auto& a : e.attributes) {
      w.StartObject();
      json.field("name", a.name);
      const AttributeSpec* attribute_spec = db->schema().find_attribute(e.kind, a.name);
      json.key("value");
      if (attribute_spec && attribute_spec->value.type == ValueType::kInteger) {
        json.writer().Int64(std::stoll(a.value));
      } else {
        json.string(a.value);
      }
      if (!a.qualifier.empty()) json.field("qualifier", a.qualifier);
      if (!a.attribution.empty()) json.field("attribution", a.attribution);
      json.key("sources");
      write_citations(json, data, a.citations);
      w.EndObject();
    }
    w.EndArray();
    json.key("sources_differ");
    write_differing(json, data, differing_attributes(data, e));
    json.key("relations");
    w.StartArray();
    for (const auto& view : card.relations) write_relation(json, *db, view.relation, view.forward);
    w.EndArray();
    w.EndObject();
    json.print(context.out);
    return kExitOk;
  }

  context.out << e.name << '\n' << "  " << db->schema().kind(e.kind).name << ", id " << e.id << ' '
              << sources_text(data, e.citations) << '\n';
  if (!e.aliases.empty()) {
    context.out << "  also called: ";
    for (std::size_t i = 0; i < e.aliases.size(); ++i) {
      const std::string cited = sources_text(data, e.aliases[i].citations);
      context.out << (i ? "; " : "") << e.aliases[i].name << (cited.empty() ? "" : " " + cited);
    }
    context.out << '\n';
  }
  for (const auto& m : data.merged) {
    if (m.into == entity) context.out << "  same as: " << m.id << " (" << m.name << ") in " << data.files[m.file] << '\n';
  }
  // An attribute the sources differ on is one line saying so, with each stated value below it.
  const std::vector<DifferingValues> differing = differing_attributes(data, e);
  std::vector<std::string_view> announced;
  for (const auto& a : e.attributes) {
    const auto group = std::find_if(differing.begin(), differing.end(), [&](const DifferingValues& d) { return d.attribute == a.name; });
    std::string indent = "  ";
    if (group != differing.end()) {
      if (std::find(announced.begin(), announced.end(), a.name) == announced.end()) {
        announced.push_back(a.name);
        context.out << "  " << a.name << ": " << differing_text(data, *group) << '\n';
      }
      indent = "    - ";
    }
    context.out << indent << (group != differing.end() ? "" : a.name + ": ") << single_line(a.value)
                << (a.qualifier.empty() ? "" : " (" + single_line(a.qualifier) + ")")
                << (a.attribution.empty() ? "" : " [attribution: " + single_line(a.attribution) + "]") << ' '
                << sources_text(data, a.citations) << '\n';
  }
  context.out << "\nRelations (" << card.relations.size() << ")\n";
  for (const auto& view : card.relations) {
    context.out << "  — " << reading(*db, view.relation, view.forward) << " → " << data.entities[view.other].name
                << relation_qualifiers(*db, view.relation) << ' ' << sources_text(data, data.relations[view.relation].citations) << '\n';
  }
  return kExitOk;
}

int run_why(const CommandContext& context) {
  int exit_code = kExitOk;
  const OptionValues& vm = context.args.command_options;
  // Two entities linked directly or by an event are answered from their surroundings; a path
  // between them (when neither) needs the whole store, which read_scoped then asks for.
  ReadScope scope;
  scope.needs_link = true;
  if (vm.count("a") && vm.count("b")) scope.names = {vm["a"].as<std::string>(), vm["b"].as<std::string>()};
  const Database* db = open_database(context, exit_code, scope.names.empty() ? nullptr : &scope);
  if (!db) return exit_code;
  if (!vm.count("a") || !vm.count("b")) throw po::error("why needs two names: parley why A B");
  const EntityIndex a = entity_argument(*db, vm["a"].as<std::string>());
  const EntityIndex b = entity_argument(*db, vm["b"].as<std::string>());
  if (a == b) throw po::error("why A B needs two different entities; " + db->dataset().entities[a].name + " was given twice");
  const Links links = links_between(*db, a, b);
  const Dataset& data = db->dataset();

  if (graph_format(context) || context.args.render) {
    const int code = emit_graph(context, *db, to_subgraph(*db, links), data.entities[a].name + " and " + data.entities[b].name);
    if (graph_format(context) || code != kExitOk) return code;
  }
  if (context.args.global.format == OutputFormat::kJson) {
    JsonOutput json;
    auto& w = json.writer();
    w.StartObject();
    json.key("a");
    write_entity_ref(json, *db, a);
    json.key("b");
    write_entity_ref(json, *db, b);
    json.key("direct");
    w.StartArray();
    for (const auto& view : links.direct) write_relation(json, *db, view.relation, view.forward);
    w.EndArray();
    json.key("shared");
    w.StartArray();
    for (const auto& shared : links.shared) {
      w.StartObject();
      json.key("entity");
      write_entity_ref(json, *db, shared.event);
      json.key("a_link");
      write_relation(json, *db, shared.a_link, data.relations[shared.a_link].from == a);
      json.key("b_link");
      write_relation(json, *db, shared.b_link, data.relations[shared.b_link].from == b);
      w.EndObject();
    }
    w.EndArray();
    json.key("path");
    if (links.path) {
      write_path_json(json, *db, *links.path);
    } else {
      w.Null();
    }
    w.EndObject();
    json.print(context.out);
    return kExitOk;
  }

  const std::string& a_name = data.entities[a].name;
  const std::string& b_name = data.entities[b].name;
  context.out << "What links " << a_name << " and " << b_name << '\n';
  if (!links.direct.empty()) {
    context.out << "\nDirectly\n";
    for (const auto& view : links.direct) {
      context.out << "  " << a_name << " — " << reading(*db, view.relation, view.forward) << " → " << b_name << '\n';
      print_quotes(context.out, data, data.relations[view.relation].citations, "      ");
    }
  }
  if (!links.shared.empty()) {
    context.out << "\nThrough " << links.shared.size() << (links.shared.size() == 1 ? " event" : " events") << '\n';
    for (const auto& shared : links.shared) {
      context.out << "  " << data.entities[shared.event].name << " (" << date_text(read_event(*db, shared.event)) << ")\n";
      for (const auto& [who, relation] : {std::pair(a, shared.a_link), std::pair(b, shared.b_link)}) {
        const bool forward = data.relations[relation].from == who;
        context.out << "    " << data.entities[who].name << " — " << reading(*db, relation, forward) << relation_qualifiers(*db, relation) << '\n';
        print_quotes(context.out, data, data.relations[relation].citations, "        ");
      }
    }
  }
  if (links.path) {
    context.out << "\nNo direct link or shared event; the shortest connection (" << links.path->hops.size() << " hops)\n";
    for (const Hop& hop : links.path->hops) {
      context.out << "  " << data.entities[hop.from].name << " — " << reading(*db, hop.relation, hop.forward) << " → "
                  << data.entities[hop.to].name << '\n';
      print_quotes(context.out, data, data.relations[hop.relation].citations, "      ");
    }
  }
  if (links.direct.empty() && links.shared.empty() && !links.path) context.out << "\nNothing in the dataset links them.\n";
  return kExitOk;
}

CommandSpec pair_spec(const char* name, const char* summary) {
  CommandSpec spec;
  spec.name = name;
  spec.synopsis = std::string(name) + " A B";
  spec.summary = summary;
  spec.formats = kEveryAnswerFormat;
  spec.options.add_options()
      ("a", po::value<std::string>()->value_name("A"), "an entity: id, name or alias")
      ("b", po::value<std::string>()->value_name("B"), "another entity");
  spec.positional.add("a", 1).add("b", 1);
  return spec;
}

}  // namespace

Command show_command() {
  Command command{{}, run_show};
  CommandSpec& spec = command.spec;
  spec.name = "show";
  spec.synopsis = "show A";
  spec.summary = "the entity card: kind, names, attributes and every relation, with sources";
  spec.formats = kEveryAnswerFormat;
  spec.options.add_options()("a", po::value<std::string>()->value_name("A"), "an entity: id, name or alias");
  spec.positional.add("a", 1);
  return command;
}

Command why_command() {
  return Command{pair_spec("why", "the quotes behind what links A and B"), run_why};
}

}  // namespace parley::cli
