// Jest transform for files the bundle imports as text (webpack's `asset/source`): the module is the file's contents.
module.exports = {
  process(source) {
    return { code: `module.exports = ${JSON.stringify(source)};` };
  },
};
