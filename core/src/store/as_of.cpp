#include "store/as_of.h"

#include <cctype>
#include <cstdlib>
#include <optional>

#include "store/layout.h"

namespace parley::store {
namespace {

// The latest instant a partial time stands for ("2019-06-01" → the last millisecond of that day),
// so that "as of" a day includes what was written that day; nullopt if it is not a time.
std::optional<std::string> time_upper_bound(std::string text) {
  if (!text.empty() && (text.back() == 'Z' || text.back() == 'z')) text.pop_back();
  if (text.size() > 10 && text[10] == ' ') text[10] = 'T';
  const std::string full = "0000-00-00T00:00:00.000";
  const std::string last = "9999-99-99T23:59:59.999";
  if (text.size() != 10 && text.size() != 16 && text.size() != 19 && text.size() != 23) return std::nullopt;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool digit = full[i] == '0';
    if (digit ? !std::isdigit(static_cast<unsigned char>(text[i])) : text[i] != full[i]) return std::nullopt;
  }
  return text + last.substr(text.size()) + "Z";
}

}  // namespace

bool transaction_as_of(Connection& db, const std::string& path, const AsOf& as_of, std::int64_t& transaction,
                       std::uint64_t& checksum, Diagnostics& diagnostics) {
  SqliteError error;
  std::int64_t last = 0;
  {
    auto meta = db.prepare("SELECT (SELECT max(id) FROM transactions), (SELECT value FROM meta WHERE key = 'checksum')", error);
    if (!meta) {
      report(diagnostics, path, error);
      return false;
    }
    if (const int rc = meta->step(); rc != SQLITE_ROW) {
      report(diagnostics, path, db.last_error(rc));
      return false;
    }
    last = meta->integer(0);
    checksum = std::strtoull(std::string(meta->text(1)).c_str(), nullptr, 16);
    if (last <= 0) {
      report_corrupt(diagnostics, path, "it records no transaction");
      return false;
    }
  }
  transaction = last;
  if (as_of.transaction) {
    if (*as_of.transaction < 1 || *as_of.transaction > last) {
      diagnostics.add(ErrorCode::kNameNotFound,
                      "no transaction " + std::to_string(*as_of.transaction) + ": the store has transactions 1 to " +
                          std::to_string(last),
                      at_file(path));
      return false;
    }
    transaction = *as_of.transaction;
  } else if (as_of.time) {
    const auto bound = time_upper_bound(*as_of.time);
    if (!bound) {
      diagnostics.add(ErrorCode::kUsage,
                      "--as-of takes a UTC time as YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS, not \"" +
                          *as_of.time + "\"",
                      at_file(path));
      return false;
    }
    auto find = db.prepare("SELECT max(id), (SELECT min(time) FROM transactions) FROM transactions WHERE time <= ?1", error);
    if (!find) {
      report(diagnostics, path, error);
      return false;
    }
    find->bind(1, *bound);
    if (const int rc = find->step(); rc != SQLITE_ROW) {
      report(diagnostics, path, db.last_error(rc));
      return false;
    }
    if (find->is_null(0)) {
      diagnostics.add(ErrorCode::kNameNotFound,
                      "the store did not exist yet at " + *as_of.time + ": its first transaction is at " +
                          std::string(find->text(1)),
                      at_file(path));
      return false;
    }
    transaction = find->integer(0);
  }
  return true;
}

}  // namespace parley::store
