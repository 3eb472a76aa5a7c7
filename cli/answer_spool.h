// A batch line's answer on its way into its JSON-lines record. The record says whether the line
// succeeded before it carries the answer, so the answer must be kept until the command ends: up
// to kHeldBytes in memory, past that in an unnamed temporary file, never whole in memory. It is
// then copied into the record as it is read back: a JSON answer with the whitespace between its
// tokens left out (one line, the bytes RapidJSON's Writer would write; it is not parsed again),
// any other answer as a JSON string.
#pragma once

#include <cstdio>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>

namespace parley::cli {

class AnswerSpool : public std::streambuf {
 public:
  static constexpr std::size_t kHeldBytes = 1 << 20;

  AnswerSpool() = default;
  AnswerSpool(const AnswerSpool&) = delete;
  AnswerSpool& operator=(const AnswerSpool&) = delete;

  // True when the answer so far is a JSON object: it begins, past any white space, with '{'.
  // Every JSON answer is one (answer_format.h); help, text and DOT are not.
  bool holds_json_object();
  // Writes the answer as a JSON value: the object on one line, or a string of its bytes.
  void write_json_object(std::ostream& out);
  void write_json_string(std::ostream& out);
  // Forgets the answer, to take the next one: a batch keeps one spool for all its lines.
  void clear();
  // True once the answer went on into the temporary file (exposed for tests).
  bool spilled() const { return file_ != nullptr; }

 protected:
  int overflow(int c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;

 private:
  struct CloseFile {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  // Hands each piece of the answer, in order, to `use`.
  template <typename Use>
  void read_back(Use use);

  std::string held_;  // the answer while it fits; then bytes not yet written to the file
  std::unique_ptr<std::FILE, CloseFile> file_;
  bool no_file_ = false;  // no temporary file could be made: the answer stays in memory
};

}  // namespace parley::cli
