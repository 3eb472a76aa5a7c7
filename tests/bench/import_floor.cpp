// The floor of an import: read an event file in 1 MB blocks, cut it into lines and every line
// into its tab-separated fields, and touch each field (a checksum of their lengths), nothing
// more. parley import does this and everything else; the benchmark compares the two.
//
// usage: parley_import_floor FILE
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: parley_import_floor FILE\n");
    return 2;
  }
  std::FILE* in = std::fopen(argv[1], "rb");
  if (!in) {
    std::perror(argv[1]);
    return 1;
  }
  std::string buffer;
  std::vector<std::size_t> field_lengths;
  std::uint64_t lines = 0, fields = 0, checksum = 0;
  std::size_t start = 0;
  std::vector<char> block(1 << 20);
  while (true) {
    const std::size_t n = std::fread(block.data(), 1, block.size(), in);
    buffer.erase(0, start);
    start = 0;
    buffer.append(block.data(), n);
    std::size_t end;
    while ((end = buffer.find('\n', start)) != std::string::npos || (n == 0 && start < buffer.size())) {
      if (end == std::string::npos) end = buffer.size();
      const char* line = buffer.data() + start;
      const std::size_t length = end - start;
      field_lengths.clear();
      std::size_t field_start = 0;
      for (std::size_t i = 0; i <= length; ++i) {
        if (i == length || line[i] == '\t') {
          field_lengths.push_back(i - field_start);
          field_start = i + 1;
        }
      }
      for (const std::size_t f : field_lengths) checksum += f;
      fields += field_lengths.size();
      ++lines;
      start = end + 1;
    }
    if (n == 0) break;
  }
  std::fclose(in);
  std::printf("%llu lines, %llu fields, checksum %llu\n", static_cast<unsigned long long>(lines),
              static_cast<unsigned long long>(fields), static_cast<unsigned long long>(checksum));
  return 0;
}
