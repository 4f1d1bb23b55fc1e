# splitsim_add_plugin(NAME SOURCES src... [OUTPUT_DIRECTORY dir])
# Builds a loadable platform plugin libsplitsim_NAME.so: a MODULE library against the SDK, hidden
# visibility (only the ABI version and the factory are exported), position-independent, C++20.
# The library goes to OUTPUT_DIRECTORY, else ${SPLITSIM_PLUGIN_OUTPUT_DIR} when set, else the current
# binary folder. Used by the bundled plugins and, from the installed package, by out-of-tree plugins.
function(splitsim_add_plugin name)
  cmake_parse_arguments(ARG "" "OUTPUT_DIRECTORY" "SOURCES" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "splitsim_add_plugin(${name}): SOURCES is required")
  endif()
  if(NOT ARG_OUTPUT_DIRECTORY)
    if(SPLITSIM_PLUGIN_OUTPUT_DIR)
      set(ARG_OUTPUT_DIRECTORY ${SPLITSIM_PLUGIN_OUTPUT_DIR})
    else()
      set(ARG_OUTPUT_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
    endif()
  endif()
  add_library(${name} MODULE ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE splitsim::sdk)
  set_target_properties(${name} PROPERTIES
    OUTPUT_NAME "splitsim_${name}"
    LIBRARY_OUTPUT_DIRECTORY ${ARG_OUTPUT_DIRECTORY}
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    POSITION_INDEPENDENT_CODE ON
    CXX_STANDARD 20
    CXX_STANDARD_REQUIRED ON)
endfunction()
