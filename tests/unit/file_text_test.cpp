// A dataset file is read in place (mapped) when it is a regular file and into memory otherwise;
// either way the text is the file's, and letting go of pages already read never changes it.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "parley/common/file_text.h"

namespace fs = std::filesystem;
using parley::Diagnostics;
using parley::FileText;

namespace {

fs::path write_temp(const std::string& name, const std::string& text) {
  const fs::path path = fs::temp_directory_path() / ("parley-file-text-" + std::to_string(::getpid()) + "-" + name);
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::string pattern(std::size_t bytes) {
  std::string text;
  text.reserve(bytes);
  for (std::size_t i = 0; text.size() < bytes; ++i) text += std::to_string(i) + ',';
  text.resize(bytes);
  return text;
}

}  // namespace

TEST_CASE("a file's text is the same after the pages read are let go", "[file_text]") {
  const std::string expected = pattern(3 * 1024 * 1024 + 123);
  const fs::path path = write_temp("large", expected);
  Diagnostics diagnostics;
  auto text = FileText::read(path.string(), expected.size(), diagnostics);
  REQUIRE(text);
  CHECK(diagnostics.size() == 0);
  CHECK(text->view() == expected);
  text->release_before(1024 * 1024 + 17);
  text->release_before(100);  // behind what was let go: nothing to do
  CHECK(text->view() == expected);
  text->release_before(expected.size() * 2);  // past the end: the whole file
  CHECK(text->view() == expected);
  FileText moved = std::move(*text);
  CHECK(moved.view() == expected);
  fs::remove(path);
}

TEST_CASE("an empty file, a directory and a file over the limit", "[file_text]") {
  const fs::path empty = write_temp("empty", "");
  Diagnostics diagnostics;
  const auto text = FileText::read(empty.string(), 10, diagnostics);
  REQUIRE(text);
  CHECK(text->view().empty());

  const fs::path large = write_temp("over", "0123456789ab");
  CHECK_FALSE(FileText::read(large.string(), 10, diagnostics));
  CHECK_FALSE(FileText::read(fs::temp_directory_path().string(), 10, diagnostics));
  CHECK_FALSE(FileText::read((fs::temp_directory_path() / "parley-no-such-file").string(), 10, diagnostics));
  REQUIRE(diagnostics.size() == 3);
  CHECK(diagnostics.items()[0].message == "cannot read: the file is larger than the limit of 10 bytes for a dataset file");
  CHECK(diagnostics.items()[1].message == "cannot read: it is a directory");
  CHECK(diagnostics.items()[2].message == "cannot open: No such file or directory");
  fs::remove(empty);
  fs::remove(large);
}

TEST_CASE("what is not a regular file is read up to a NUL byte or the limit", "[file_text]") {
  Diagnostics diagnostics;
  const auto zeros = FileText::read("/dev/zero", 1 << 20, diagnostics);
  REQUIRE(zeros);
  CHECK(zeros->view().size() == 1 << 16);  // the first block read holds the NUL: no further
  CHECK(zeros->view().find_first_not_of('\0') == std::string_view::npos);
}
