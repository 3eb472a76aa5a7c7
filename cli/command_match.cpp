// parley match: candidate identities between the files merged, with the reasons for each, to
// accept or reject in an identity list (`-o FILE` writes one to edit).
#include <ostream>

#include "commands.h"
#include "exit_codes.h"
#include "json_output.h"
#include "parley/query/match.h"

namespace parley::cli {
namespace {

void write_entity(JsonOutput& json, const Database& db, EntityIndex e) {
  const Entity& entity = db.dataset().entities[e];
  json.writer().StartObject();
  json.field("id", entity.id);
  json.field("name", entity.name);
  json.field("kind", db.schema().kind(entity.kind).name);
  json.field("file", db.dataset().files[entity.origin.file]);
  json.writer().EndObject();
}

void print_json(const Database& db, const std::vector<MatchCandidate>& candidates, std::ostream& out) {
  JsonOutput json;
  auto& w = json.writer();
  w.StartObject();
  json.key("candidates");
  w.StartArray();
  for (const auto& c : candidates) {
    w.StartObject();
    json.key("entity");
    write_entity(json, db, c.entity);
    json.key("candidate");
    write_entity(json, db, c.candidate);
    json.field("score", std::uint64_t(c.score));
    json.field("strong", c.strong);
    json.key("reasons");
    w.StartArray();
    for (const auto& r : c.reasons) {
      w.StartObject();
      json.field("rule", r.rule);
      json.field("text", r.text);
      json.field("weight", std::uint64_t(r.weight));
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  json.print(out);
}

// A dataset holding only an identity list, one "candidate" record per pair: a person turns
// each into "same_as" or "distinct_from" (or deletes it) and loads the file with --db.
void write_identity_file(const Database& db, const std::vector<MatchCandidate>& candidates, std::ostream& out) {
  DatasetJsonOutput json;
  auto& w = json.writer();
  w.StartObject();
  json.field("format", std::string_view("parley-dataset/1"));
  json.field("description",
             std::string_view("Candidate identities proposed by parley match. For each record, change \"candidate\" to \"same_as\" "
             "if the two are one entity, or to \"distinct_from\" if they are not; then load this file with --db "
             "after the files it names."));
  for (const char* empty : {"sources", "entities", "relations"}) {
    json.key(empty);
    w.StartArray();
    w.EndArray();
  }
  json.key("identity");
  w.StartArray();
  for (const auto& c : candidates) {
    w.StartObject();
    json.field("entity", db.dataset().entities[c.entity].id);
    json.field("candidate", db.dataset().entities[c.candidate].id);
    json.field("note", "score " + std::to_string(c.score) + (c.strong ? ", names look alike" : ""));
    json.key("reasons");
    w.StartArray();
    for (const auto& r : c.reasons) json.string(r.text);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  json.print(out);
}

std::string described(const Database& db, EntityIndex e) {
  const Entity& entity = db.dataset().entities[e];
  return entity.id + " (" + entity.name + ") in " + db.dataset().files[entity.origin.file];
}

int run_match(const CommandContext& context) {
  int exit_code = kExitOk;
  const Database* db = open_database(context, exit_code);
  if (!db) return exit_code;
  const auto candidates = propose_matches(*db);
  if (!context.args.global.output.empty()) {
    write_identity_file(*db, candidates, context.out);
    context.err << candidates.size() << (candidates.size() == 1 ? " candidate match" : " candidate matches")
                << " written to " << context.args.global.output
                << ": in each record change \"candidate\" to \"same_as\" or \"distinct_from\", then load the file with --db\n";
    return kExitOk;
  }
  if (context.args.global.format == OutputFormat::kJson) {
    print_json(*db, candidates, context.out);
    return kExitOk;
  }
  if (candidates.empty()) {
    context.out << "no candidate matches between the files\n";
    return kExitOk;
  }
  context.out << candidates.size() << (candidates.size() == 1 ? " candidate match" : " candidate matches")
              << " between the files; nothing is merged until an identity list says so\n";
  for (const auto& c : candidates) {
    const Entity& entity = db->dataset().entities[c.entity];
    context.out << '\n'
                << described(*db, c.entity) << '\n'
                << "  may be " << described(*db, c.candidate) << '\n'
                << "  " << db->schema().kind(entity.kind).name << ", score " << c.score
                << (c.strong ? ", names look alike" : "") << '\n';
    for (const auto& r : c.reasons) context.out << "    - " << r.text << '\n';
  }
  return kExitOk;
}

}  // namespace

Command match_command() {
  Command command{{}, run_match};
  command.spec.name = "match";
  command.spec.synopsis = "match --db FILE --db FILE... [-o IDENTITY.json]";
  command.spec.summary = "propose entities of different files that may be one, with reasons (-o: an identity list)";
  return command;
}

}  // namespace parley::cli
