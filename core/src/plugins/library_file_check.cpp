#include "plugins/library_file_check.hpp"

#include <elf.h>

#include <bit>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <vector>

namespace splitsim {
namespace {

namespace fs = std::filesystem;

const std::string kTruncated = "not a complete shared library (truncated?): ";

// True when [offset, offset + count * size) lies inside a file of `file_size` bytes, without overflow.
bool fits(std::uint64_t offset, std::uint64_t count, std::uint64_t size, std::uint64_t file_size) {
  if (offset > file_size) return false;
  if (size != 0 && count > (file_size - offset) / size) return false;
  return true;
}

template <typename T>
bool read_at(std::ifstream& in, std::uint64_t offset, T& value) {
  in.seekg(static_cast<std::streamoff>(offset));
  in.read(reinterpret_cast<char*>(&value), sizeof value);
  return static_cast<bool>(in);
}

// The checks for one ELF class (Elf32_* or Elf64_* types, from glibc's <elf.h>).
template <typename Ehdr, typename Phdr, typename Shdr>
std::optional<std::string> check_layout(std::ifstream& in, std::uint64_t size) {
  Ehdr header;
  if (!read_at(in, 0, header)) return kTruncated + "the ELF header is cut short";
  if (header.e_type != ET_DYN)
    return "an ELF file but not a shared library (ELF type " + std::to_string(header.e_type) + ")";
  if (header.e_phnum == 0 || header.e_phnum == PN_XNUM || header.e_phentsize != sizeof(Phdr)) {
    return "not a loadable shared library: its program header table is missing or malformed";
  }
  if (!fits(header.e_phoff, header.e_phnum, sizeof(Phdr), size)) {
    return kTruncated + "the program header table ends past the end of the file (" + std::to_string(size) +
           " bytes)";
  }
  for (std::uint64_t i = 0; i < header.e_phnum; ++i) {
    Phdr segment;
    if (!read_at(in, header.e_phoff + i * sizeof(Phdr), segment))
      return kTruncated + "unreadable program header";
    if (!fits(segment.p_offset, 1, segment.p_filesz, size)) {
      return kTruncated + "segment " + std::to_string(i) + " needs bytes up to " +
             std::to_string(static_cast<std::uint64_t>(segment.p_offset) + segment.p_filesz) +
             ", the file has " + std::to_string(size);
    }
  }
  if (header.e_shoff == 0) return std::nullopt;  // no section table: allowed, the loader does not need one
  if (header.e_shentsize != sizeof(Shdr) ||
      !fits(header.e_shoff, header.e_shnum == 0 ? 1 : header.e_shnum, sizeof(Shdr), size)) {
    return kTruncated + "the section header table ends past the end of the file (" + std::to_string(size) +
           " bytes)";
  }
  for (std::uint64_t i = 0; i < header.e_shnum; ++i) {
    Shdr section;
    if (!read_at(in, header.e_shoff + i * sizeof(Shdr), section))
      return kTruncated + "unreadable section header";
    if (section.sh_type != SHT_NOBITS && !fits(section.sh_offset, 1, section.sh_size, size)) {
      return kTruncated + "section " + std::to_string(i) + " ends past the end of the file (" +
             std::to_string(size) + " bytes)";
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> incomplete_library_reason(const fs::path& file) {
  std::error_code ec;
  const auto size = fs::file_size(file, ec);
  if (ec) return "cannot read it (" + ec.message() + ")";
  std::ifstream in(file, std::ios::binary);
  if (!in) return "cannot open it for reading";
  unsigned char ident[EI_NIDENT] = {};
  in.read(reinterpret_cast<char*>(ident), sizeof ident);
  if (in.gcount() < SELFMAG || std::memcmp(ident, ELFMAG, SELFMAG) != 0) {
    return "not a shared library (no ELF header: " + std::to_string(size) + " bytes of something else)";
  }
  if (!in) return kTruncated + "the ELF header is cut short";
  // A library for another byte order cannot be read with this host's types; dlopen refuses it from the
  // header alone, without touching anything else.
  const bool host_little_endian = std::endian::native == std::endian::little;
  if ((ident[EI_DATA] == ELFDATA2LSB) != host_little_endian) return std::nullopt;
  switch (ident[EI_CLASS]) {
    case ELFCLASS64:
      return check_layout<Elf64_Ehdr, Elf64_Phdr, Elf64_Shdr>(in, size);
    case ELFCLASS32:
      return check_layout<Elf32_Ehdr, Elf32_Phdr, Elf32_Shdr>(in, size);
    default:
      return "not a shared library (unknown ELF class " + std::to_string(ident[EI_CLASS]) + ")";
  }
}

}  // namespace splitsim
