#include "output_folder.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace parley::cli {
namespace fs = std::filesystem;

std::string write_output_folder(const std::string& folder, const std::vector<ExportFile>& files) {
  std::error_code error;
  const fs::path dir(folder);
  if (fs::exists(dir, error) && !fs::is_directory(dir, error)) {
    return folder + " is not a folder: this format writes several files (" + std::to_string(files.size()) +
           ") into the folder -o names";
  }
  if (!fs::exists(dir, error) && !fs::create_directories(dir, error) && error) {
    return "cannot create the folder " + folder + ": " + error.message();
  }
  std::vector<fs::path> temporaries;
  const auto remove_temporaries = [&temporaries] {
    std::error_code ignored;
    for (const fs::path& t : temporaries) fs::remove(t, ignored);
  };
  for (const ExportFile& file : files) {
    const fs::path temporary = dir / ("." + file.name + ".parley-tmp");
    temporaries.push_back(temporary);
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) {
      const std::string reason = std::strerror(errno);
      remove_temporaries();
      return "cannot write " + (dir / file.name).string() + ": " + reason;
    }
    file.write(out);
    out.flush();
    if (!out) {
      const std::string reason = std::strerror(errno);
      remove_temporaries();
      return "cannot write " + (dir / file.name).string() + ": " + reason;
    }
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    fs::rename(temporaries[i], dir / files[i].name, error);
    if (error) {
      remove_temporaries();
      return "cannot replace " + (dir / files[i].name).string() + ": " + error.message();
    }
  }
  return "";
}

}  // namespace parley::cli
