# `make deb`: a Debian 12 package of what `cmake --install` installs, under /usr. Its runtime
# dependencies are the Debian 12 packages of the shared libraries the binary links (ldd on the
# binary, each library's package by dpkg -S; libedit pulls libbsd and libtinfo in itself).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME parley)
set(CPACK_PACKAGE_VENDOR "parley")
set(CPACK_PACKAGE_CONTACT "parley maintainers <parley@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "Who met whom, how two actors are connected, and what surrounds an actor or a place, every fact with its source. Ships with a curated dataset of the Japan-Russia peace-treaty talks of 2018-2019; also the library, its headers, a CMake package and parley.pc.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libc6 (>= 2.34), libgcc-s1, libstdc++6 (>= 12), libicu72, libsqlite3-0, libboost-program-options1.74.0, libedit2")
# Graphviz draws --render; the -dev packages are what a program built against libparley_core needs.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "graphviz, libboost-dev, libicu-dev, libsqlite3-dev")
include(CPack)
