# splitsim_add_plugin(NAME SOURCES src... [OUTPUT_DIRECTORY dir])
# Builds a loadable platform plugin: a MODULE library against the SDK, hidden visibility (only the ABI
# version and the factory are exported), position-independent, C++20.
function(splitsim_add_plugin name)
  cmake_parse_arguments(ARG "" "OUTPUT_DIRECTORY" "SOURCES" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "splitsim_add_plugin(${name}): SOURCES is required")
  endif()
  if(NOT ARG_OUTPUT_DIRECTORY)
    set(ARG_OUTPUT_DIRECTORY ${SPLITSIM_PLUGIN_OUTPUT_DIR})
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
