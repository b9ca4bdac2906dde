// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2024 Acme Corp
'use strict';
const router = require('tiny-router');
const colors = require('color-utils');

module.exports = function start() {
  return router(colors('#336699'));
};
