#include "answer_spool.h"

namespace parley::cli {
namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;

bool is_json_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Copies JSON text without the white space between tokens, across pieces.
class Minifier {
 public:
  explicit Minifier(std::ostream& out) : out_(out) {}
  void operator()(const char* s, std::size_t n) {
    std::string& kept = kept_;
    kept.clear();
    for (std::size_t i = 0; i < n; ++i) {
      const char c = s[i];
      if (in_string_) {
        if (escaped_)
          escaped_ = false;
        else if (c == '\\')
          escaped_ = true;
        else if (c == '"')
          in_string_ = false;
      } else if (c == '"') {
        in_string_ = true;
      } else if (is_json_space(c)) {
        continue;
      }
      kept += c;
    }
    out_.write(kept.data(), static_cast<std::streamsize>(kept.size()));
  }

 private:
  std::ostream& out_;
  std::string kept_;
  bool in_string_ = false;
  bool escaped_ = false;
};

// Escapes bytes as RapidJSON's Writer escapes a string: quote, backslash and control characters.
class StringEscaper {
 public:
  explicit StringEscaper(std::ostream& out) : out_(out) {}
  void operator()(const char* s, std::size_t n) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string& kept = kept_;
    kept.clear();
    for (std::size_t i = 0; i < n; ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c == '"' || c == '\\') {
        kept += '\\';
        kept += static_cast<char>(c);
      } else if (c < 0x20) {
        switch (c) {
          case '\b':
            kept += "\\b";
            break;
          case '\t':
            kept += "\\t";
            break;
          case '\n':
            kept += "\\n";
            break;
          case '\f':
            kept += "\\f";
            break;
          case '\r':
            kept += "\\r";
            break;
          default:
            kept += std::string("\\u00") + kHex[c >> 4] + kHex[c & 15];
        }
      } else {
        kept += static_cast<char>(c);
      }
    }
    out_.write(kept.data(), static_cast<std::streamsize>(kept.size()));
  }

 private:
  std::ostream& out_;
  std::string kept_;
};

}  // namespace

int AnswerSpool::overflow(int c) {
  if (c == traits_type::eof()) return traits_type::not_eof(c);
  const char byte = static_cast<char>(c);
  xsputn(&byte, 1);
  return c;
}

std::streamsize AnswerSpool::xsputn(const char* s, std::streamsize n) {
  held_.append(s, static_cast<std::size_t>(n));
  if (!file_ && !no_file_ && held_.size() > kHeldBytes) {
    file_.reset(std::tmpfile());  // unnamed: removed by the system when closed, whatever happens
    no_file_ = !file_;
  }
  if (file_ && held_.size() >= kChunkBytes) {
    std::fwrite(held_.data(), 1, held_.size(), file_.get());
    held_.clear();
  }
  return n;
}

template <typename Use>
void AnswerSpool::read_back(Use use) {
  if (!file_) {
    use(held_.data(), held_.size());
    return;
  }
  std::fwrite(held_.data(), 1, held_.size(), file_.get());
  held_.clear();
  std::fflush(file_.get());
  std::rewind(file_.get());
  std::string chunk(kChunkBytes, '\0');
  while (const std::size_t n = std::fread(chunk.data(), 1, chunk.size(), file_.get())) use(chunk.data(), n);
}

bool AnswerSpool::holds_json_object() {
  // The first bytes are in memory, or at the start of the file.
  std::string start = held_;
  if (file_) {
    std::fflush(file_.get());
    start.assign(256, '\0');
    std::rewind(file_.get());
    start.resize(std::fread(start.data(), 1, start.size(), file_.get()));
    std::fseek(file_.get(), 0, SEEK_END);
  }
  for (const char c : start) {
    if (!is_json_space(c)) return c == '{';
  }
  return false;
}

void AnswerSpool::write_json_object(std::ostream& out) { read_back(Minifier(out)); }

void AnswerSpool::write_json_string(std::ostream& out) {
  out << '"';
  read_back(StringEscaper(out));
  out << '"';
}

void AnswerSpool::clear() {
  held_.clear();
  file_.reset();
  no_file_ = false;
}

}  // namespace parley::cli
