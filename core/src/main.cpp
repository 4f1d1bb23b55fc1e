// splitsim: the command-line entry point.
#include <iostream>

#include "app/commands.hpp"

int main(int argc, char** argv) {
  return splitsim::run_cli(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
}
