// Writes to a store: facts added and retracted as the commands give them. Every write is checked
// by the loader itself: the store's records the writes touch (or all of them), less what is
// retracted or changed, and the new or changed records as a second file are loaded together, so
// a write meets exactly the rules a dataset file does and the two can never drift. Errors name
// the command's option as well as the record and field. A list of writes is one transaction:
// all of it, or none.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "parley/common/status.h"
#include "parley/store/store.h"

namespace parley {

// Where a fact comes from, mandatory as in a dataset file: a source id and its words.
struct Provenance {
  std::string source;  // --source
  std::string quote;   // --quote
};

using NamedValues = std::vector<std::pair<std::string, std::string>>;  // name=value, in order

// Entities are named by id, or by a name or alias that fits one entity (as queries name them).
struct AddSource {
  Source source;  // ID --publisher --title [--published] [--file] [--url] [--note] [--byline] [--written-by]...
};
struct AddEntity {
  std::string id, kind, name;            // ID --kind --name
  std::vector<std::string> aliases;      // --alias
  NamedValues attributes;                // --attribute name=value
  Provenance provenance;
};
struct AddRelation {
  std::string type, from, to;  // TYPE FROM TO
  NamedValues properties;      // --property name=value
  Provenance provenance;
  std::string id;              // --id; none when empty
};
struct AddAlias {
  std::string entity, name;               // ENTITY NAME
  std::string note;                       // --note
  std::optional<Provenance> provenance;   // optional for an alias, as in a file
};
struct AddAttribute {
  std::string entity, name, value;  // ENTITY NAME VALUE
  std::string qualifier;            // --qualifier
  Provenance provenance;
  std::string attribution;          // --attribution
};
// A gathering with its participants, venue, date and status in one write: an entity of kind
// `kind` with `date` and `status` attributes, participant_in (role principal) from each
// participant and held_in to the venue, every record citing the same source.
struct AddMeeting {
  std::vector<std::string> participants;  // --participants A,B
  std::string at;                         // --at
  std::string date, status;               // --date, --status (each optional)
  std::string id, name;                   // --id, --name; made from the others when empty
  std::string kind = "meeting";           // --kind
  Provenance provenance;
};
struct Retract {
  enum class What { kSource, kEntity, kRelation, kAlias, kAttribute } what = What::kEntity;
  std::string target;         // the source or entity; the relation's type, or its id (from and to empty)
  std::string from, to;       // a relation's ends
  std::string name;           // the alias or attribute name
  std::string value;          // --value: only the attribute with this value
  NamedValues properties;     // --property: only relations with these properties
  bool all = false;           // --all: every record that matches, rather than exactly one
  bool with_relations = false;  // --with-relations: an entity's relations too
};

struct Write {
  std::string label;  // how messages name the write: "add meeting", "writes.txt:3"
  std::variant<AddSource, AddEntity, AddRelation, AddAlias, AddAttribute, AddMeeting, Retract> what;
};

// What a committed transaction did, for the command to report.
struct WriteResult {
  TransactionInfo transaction;
  std::vector<std::string> done;  // one line per write: "added meeting kono-lavrov-tokyo-2019-05-31"
  bool read_whole = false;        // the check read the whole store, not only what the writes touch
};

// How writes are checked: against the records they touch where that suffices (kTouched, the
// default), or always against the whole store (kWhole: a test compares the two).
enum class WriteCheck { kTouched, kWhole };

// Applies `writes` to the store as one transaction, stamped with `info`'s author and message.
// Takes the store's write lock first (waiting as `wait` says), so the checks see what the write
// applies to. On any error nothing is written and `diagnostics` say which write, which option,
// which record and field. True once the transaction is durable.
bool apply_writes(Store& store, const std::vector<Write>& writes, TransactionInfo info, const Store::Wait& wait,
                  WriteResult& result, Diagnostics& diagnostics, WriteCheck check = WriteCheck::kTouched);

}  // namespace parley
