// The floor a fresh process's load is measured against: map the file, as parley does, and
// parse it into one RapidJSON DOM, nothing else (no checks, no graph). Run from a fresh process
// under /usr/bin/time by cold_load_bench.sh, beside `parley --db FILE stats`.
// usage: parley_parse_floor FILE      prints "members bytes" of the parsed document
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>

#include <rapidjson/document.h>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: parley_parse_floor FILE\n");
    return 2;
  }
  const int fd = ::open(argv[1], O_RDONLY);
  struct stat status {};
  if (fd < 0 || ::fstat(fd, &status) != 0 || status.st_size == 0) {
    std::fprintf(stderr, "parley_parse_floor: cannot read %s\n", argv[1]);
    return 1;
  }
  const auto size = static_cast<std::size_t>(status.st_size);
  void* mapped = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (mapped == MAP_FAILED) return 1;
  ::madvise(mapped, size, MADV_SEQUENTIAL);
  rapidjson::Document document;
  document.Parse(static_cast<const char*>(mapped), size);
  if (document.HasParseError() || !document.IsObject()) {
    std::fprintf(stderr, "parley_parse_floor: %s does not parse\n", argv[1]);
    return 1;
  }
  std::printf("%u %zu\n", document.MemberCount(), size);
  return 0;
}
