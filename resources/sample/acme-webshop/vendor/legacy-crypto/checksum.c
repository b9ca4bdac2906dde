/* checksum.c - simple checksums
 * Copyright (C) 2001, 2004 Erik Example <erik@example.org>
 *
 * This program is free software; you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation; either version 2 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 */
#include <stdint.h>

uint32_t checksum(const uint8_t *data, unsigned long length)
{
  uint32_t sum = 0;
  while (length--) sum = (sum << 1) ^ *data++;
  return sum;
}
