import { maskSecrets } from './masking';

describe('maskSecrets', () => {
  it.each([
    ['card 4111 1111 1111 1111 paid', 'card XXXX-XXXX-XXXX-1111 paid'],
    ['card 4111-1111-1111-1234', 'card XXXX-XXXX-XXXX-1234'],
    ['card 4111111111111111', 'card XXXX-XXXX-XXXX-1111'],
    ["CREATE USER bob WITH PASSWORD 'hunter2'", "CREATE USER bob WITH PASSWORD '****'"],
    ["ALTER USER bob IDENTIFIED BY 's3cr;et'", "ALTER USER bob IDENTIFIED BY '****'"],
    ['login failed password=hunter2 user=bob', 'login failed password=**** user=bob'],
    ['url?token=abc123&x=1', 'url?token=****&x=1'],
  ])('%s', (text, masked) => {
    expect(maskSecrets(text)).toBe(masked);
  });

  it('leaves ordinary text and short numbers alone', () => {
    const text = 'SELECT * FROM orders WHERE id = 42 AND total > 1000 -- order 2026-12-02';
    expect(maskSecrets(text)).toBe(text);
  });
});
