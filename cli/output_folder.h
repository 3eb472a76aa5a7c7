// Writing an export of several files (export --format csv|neo4j|kuzu -o DIR) into a folder:
// the folder is created when missing; each file is streamed into a temporary file beside its
// final name, and only when every one is written whole are they renamed into place. A failure
// (disk full, a file that cannot be written) removes the temporary files and leaves every
// file of the folder as it was. Files of the folder that the export does not name are kept.
#pragma once

#include <string>
#include <vector>

#include "parley/export/table_export.h"

namespace parley::cli {

// Returns an error message that names the file and the reason, empty on success.
std::string write_output_folder(const std::string& folder, const std::vector<ExportFile>& files);

}  // namespace parley::cli
