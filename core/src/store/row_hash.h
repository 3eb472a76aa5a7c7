// The store's checksum: the sum, modulo 2^64, of a hash of every row's content, plus a term for
// each retraction. A sum does not depend on order, so a write updates it with the rows it adds
// and retracts alone, and a read recomputes it over every row it reads anyway: a byte changed
// in any row, or a row lost or duplicated, gives another sum. (SQLite checks its own pages'
// structure, not the bytes of the values in them.)
#pragma once

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string_view>

#include "store/sqlite.h"

namespace parley::store {

// A 64-bit hash of a row's fields, eight bytes at a time. Not cryptographic: it detects damage,
// not tampering.
class RowHash {
 public:
  explicit RowHash(std::uint64_t table) : h_(0x9E3779B97F4A7C15ull ^ (table * 0xD6E8FEB86659FD93ull)) {}
  void add(std::int64_t value) { mix(static_cast<std::uint64_t>(value)); }
  void add(std::string_view text) {
    mix(text.size() ^ 0xA0761D6478BD642Full);
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + i, 8);
      mix(word);
    }
    std::uint64_t tail = 0;
    if (i < text.size()) std::memcpy(&tail, text.data() + i, text.size() - i);  // an empty view may have no data
    mix(tail);
  }
  std::uint64_t value() const {
    std::uint64_t x = h_;
    x ^= x >> 33;
    x *= 0xFF51AFD7ED558CCDull;
    x ^= x >> 33;
    return x;
  }

 private:
  void mix(std::uint64_t word) {
    h_ ^= word * 0x87C37B91114253D5ull;
    h_ = (h_ << 31 | h_ >> 33) * 0x4CF5AD432745937Full + 0x52DCE729ull;
  }
  std::uint64_t h_;
};

// The term a retraction adds: which row of which table, retracted by which transaction.
inline std::uint64_t retraction_term(std::uint64_t table, std::int64_t row, std::int64_t transaction) {
  RowHash h(table + 100);
  h.add(row);
  h.add(transaction);
  return h.value();
}

// A hash as SQLite stores it (a signed 64-bit integer), and back.
inline std::int64_t as_column(std::uint64_t hash) {
  std::int64_t value;
  std::memcpy(&value, &hash, sizeof value);
  return value;
}

// Columns added by format 4 (a relation's id, an attribute's attribution, a source's byline and
// authors) are hashed after the others, and only when one of them is set: a row written before
// them hashes as it did, so the upgrade to format 4 rewrites no hash and no checksum.
inline void add_later_columns(RowHash& h, std::initializer_list<std::string_view> later) {
  bool any = false;
  for (const std::string_view text : later) any = any || !text.empty();
  if (!any) return;
  for (const std::string_view text : later) h.add(text);
}

// Where a statement holds a row's later columns (see add_later_columns): `count` text columns
// from `first`; none by default.
struct LaterColumns {
  int first = 0;
  int count = 0;
};

// The hash of the row `statement` is on: its first `columns` columns (its content), then its
// later columns.
inline std::uint64_t row_hash(std::uint64_t table, const Statement& statement, int columns, LaterColumns later = {}) {
  RowHash h(table);
  for (int c = 0; c < columns; ++c) {
    if (statement.is_integer(c)) {
      h.add(statement.integer(c));
    } else {
      h.add(statement.text(c));
    }
  }
  bool any = false;
  for (int c = later.first; c < later.first + later.count; ++c) any = any || !statement.text(c).empty();
  if (any) {
    for (int c = later.first; c < later.first + later.count; ++c) h.add(statement.text(c));
  }
  return h.value();
}

class RowChecksum {
 public:
  // Adds the row `statement` is on: its first `columns` columns, of which the last is the
  // `retracted` transaction when `retractable`.
  void add_row(std::uint64_t table, const Statement& statement, int columns, bool retractable, LaterColumns later = {}) {
    const int content = retractable ? columns - 1 : columns;
    sum_ += row_hash(table, statement, content, later);
    if (retractable && !statement.is_null(content)) {
      sum_ += retraction_term(table, statement.integer(0), statement.integer(content));
    }
  }
  void add(std::uint64_t term) { sum_ += term; }
  std::uint64_t value() const { return sum_; }

 private:
  std::uint64_t sum_ = 0;
};

}  // namespace parley::store
