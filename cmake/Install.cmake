# cmake --install BUILD [--prefix DIR] installs the runner (bin/), the bundled plugins
# (lib/splitsim/plugins/), the SDK headers (include/splitsim/) and the CMake package
# (lib/cmake/splitsim/) that out-of-tree plugins find with find_package(splitsim).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# The ABI version is read from the SDK header, so the package can never disagree with it. The number is
# the one after "kAbiVersion = ", not the first digits of the line (those are the 32 of std::uint32_t).
file(STRINGS ${PROJECT_SOURCE_DIR}/core/include/splitsim/abi.hpp abi_line REGEX "kAbiVersion = [0-9]+")
string(REGEX REPLACE ".*kAbiVersion = ([0-9]+).*" "\\1" SPLITSIM_ABI_VERSION "${abi_line}")
if(NOT SPLITSIM_ABI_VERSION MATCHES "^[0-9]+$")
  message(FATAL_ERROR "cannot read kAbiVersion from core/include/splitsim/abi.hpp (got '${SPLITSIM_ABI_VERSION}')")
endif()

install(TARGETS splitsim RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS ${SPLITSIM_BUNDLED_PLUGINS} LIBRARY DESTINATION ${SPLITSIM_PLUGIN_SUBDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/core/include/splitsim DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

set_target_properties(splitsim_sdk PROPERTIES EXPORT_NAME sdk)
install(TARGETS splitsim_sdk EXPORT splitsimTargets)
set(package_dir ${CMAKE_INSTALL_LIBDIR}/cmake/splitsim)
install(EXPORT splitsimTargets NAMESPACE splitsim:: DESTINATION ${package_dir})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/splitsimConfig.cmake.in
  ${PROJECT_BINARY_DIR}/splitsimConfig.cmake
  INSTALL_DESTINATION ${package_dir}
  PATH_VARS CMAKE_INSTALL_INCLUDEDIR)
# Minor versions may add to the SDK; a new major version changes it.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/splitsimConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/splitsimConfig.cmake ${PROJECT_BINARY_DIR}/splitsimConfigVersion.cmake
  ${PROJECT_SOURCE_DIR}/cmake/SplitsimPlugin.cmake
  DESTINATION ${package_dir})
