import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import {
  analyzeCipherString,
  isBelow,
  joinList,
  parseProtocol,
  protocolsFrom,
  removalRange,
} from '../../src/detectors/tls.js';

/** The findings of a cipher string, reduced to what the rule reports. */
function findings(value: string): { element: string; start: number; weaknesses: string[]; exclude: string[] }[] {
  return analyzeCipherString(value).findings.map(({ element, weaknesses, exclude }) => ({
    element: element.text,
    start: element.start,
    weaknesses,
    exclude,
  }));
}

describe('detectors/tls', () => {
  describe('protocols', () => {
    it('reads protocol names case-insensitively, as nginx does', () => {
      assert.equal(parseProtocol('TLSv1'), 'TLSv1');
      assert.equal(parseProtocol('tlsv1.2'), 'TLSv1.2');
      assert.equal(parseProtocol('SSLV3'), 'SSLv3');
      assert.equal(parseProtocol('TLSv1.0'), null);
      assert.equal(parseProtocol('TLSv1.4'), null);
      assert.equal(parseProtocol('$protocols'), null);
    });

    it('orders protocols', () => {
      assert.equal(isBelow('SSLv2', 'TLSv1.2'), true);
      assert.equal(isBelow('TLSv1.1', 'TLSv1.2'), true);
      assert.equal(isBelow('TLSv1.2', 'TLSv1.2'), false);
      assert.equal(isBelow('TLSv1.2', 'TLSv1.3'), true);
      assert.equal(isBelow('TLSv1.3', 'TLSv1.2'), false);
      assert.deepEqual(protocolsFrom('TLSv1.2'), ['TLSv1.2', 'TLSv1.3']);
      assert.deepEqual(protocolsFrom('TLSv1.3'), ['TLSv1.3']);
    });
  });

  describe('analyzeCipherString', () => {
    it('accepts strong lists', () => {
      assert.deepEqual(analyzeCipherString('ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384').enabled, [
        'ECDHE-ECDSA-AES256-GCM-SHA384',
        'ECDHE-RSA-AES256-GCM-SHA384',
      ]);
      assert.deepEqual(findings('HIGH:!aNULL:!MD5'), []); // nginx's default
      assert.deepEqual(findings('EECDH+AESGCM:EDH+AESGCM'), []);
      assert.deepEqual(findings('ECDHE+AESGCM:ECDHE+CHACHA20:DHE+AESGCM'), []);
      assert.deepEqual(findings('ALL:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!RC2:!3DES:!IDEA:!SEED'), []);
    });

    it('treats DEFAULT as OpenSSL 1.1+ does: no weak suites', () => {
      assert.deepEqual(findings('DEFAULT'), []);
      assert.deepEqual(findings('DEFAULT:!RC4'), []);
    });

    it('reports the element that enabled weak suites', () => {
      assert.deepEqual(findings('HIGH'), [
        { element: 'HIGH', start: 0, weaknesses: ['anonymous'], exclude: ['anonymous'] },
      ]);
      assert.deepEqual(findings('HIGH:RC4-SHA:DES-CBC3-SHA:!aNULL'), [
        { element: 'RC4-SHA', start: 5, weaknesses: ['RC4'], exclude: ['RC4'] },
        { element: 'DES-CBC3-SHA', start: 13, weaknesses: ['3DES'], exclude: ['3DES'] },
      ]);
      assert.deepEqual(findings('ALL:!aNULL'), [
        {
          element: 'ALL',
          start: 0,
          weaknesses: ['EXPORT', 'DES', 'RC4', 'RC2', '3DES', 'IDEA', 'SEED', 'MD5'],
          // Every MD5 suite is also EXPORT, DES, RC4, RC2, 3DES or IDEA: !MD5 would be redundant.
          exclude: ['EXPORT', 'DES', 'RC4', 'RC2', '3DES', 'IDEA', 'SEED'],
        },
      ]);
    });

    it('marks elements that name one suite', () => {
      const [suite] = analyzeCipherString('HIGH:!aNULL:RC4-SHA').findings;
      assert.equal(suite?.namesSuite, true);
      assert.deepEqual(suite?.suites, ['RC4-SHA']);
      const [alias] = analyzeCipherString('MEDIUM').findings;
      assert.equal(alias?.namesSuite, false);
    });

    it('selects what OpenSSL selects, NULL ciphers included', () => {
      // ECDHE excludes anonymous suites but not ECDHE-RSA-NULL-SHA.
      assert.deepEqual(findings('ECDHE'), [
        { element: 'ECDHE', start: 0, weaknesses: ['NULL', 'RC4', '3DES'], exclude: ['NULL', 'RC4', '3DES'] },
      ]);
      // kEDH, unlike EDH, includes anonymous DH.
      assert.deepEqual(findings('kEDH+AESGCM'), [
        { element: 'kEDH+AESGCM', start: 0, weaknesses: ['anonymous'], exclude: ['anonymous'] },
      ]);
      assert.deepEqual(findings('EDH+AESGCM'), []);
      // ADH is DH only: anonymous ECDH stays.
      assert.deepEqual(analyzeCipherString('HIGH:!ADH').findings[0]?.suites, ['AECDH-AES256-SHA', 'AECDH-AES128-SHA']);
      // A combination that can match nothing.
      assert.deepEqual(analyzeCipherString('RC4+AES').enabled, []);
    });

    it('applies !, - and + as OpenSSL does', () => {
      // ! removes for good, wherever it stands.
      assert.deepEqual(findings('!RC4:HIGH:RC4-SHA:!aNULL'), []);
      // - removes only what was added before it.
      assert.deepEqual(findings('-RC4:HIGH:RC4-SHA:!aNULL'), [
        { element: 'RC4-SHA', start: 10, weaknesses: ['RC4'], exclude: ['RC4'] },
      ]);
      assert.deepEqual(findings('RC4-SHA:HIGH:!aNULL:-RC4'), []);
      assert.deepEqual(findings('RC4-SHA:-RC4:RC4-SHA'), [
        { element: 'RC4-SHA', start: 13, weaknesses: ['RC4'], exclude: ['RC4'] },
      ]);
      // + only moves suites already enabled.
      assert.deepEqual(findings('HIGH:!aNULL:+RC4'), []);
    });

    it('matches protocol aliases exactly, as OpenSSL does', () => {
      // !SSLv3 removes the suites defined since SSLv3, not the TLSv1 ones.
      const { enabled } = analyzeCipherString('ALL:!SSLv3');
      assert.equal(enabled.includes('DES-CBC3-SHA'), false);
      assert.equal(enabled.includes('ECDHE-RSA-DES-CBC3-SHA'), true);
    });

    it('reads DEFAULT only at the start and keeps what is added after it', () => {
      assert.deepEqual(findings('DEFAULT:RC4-SHA'), [
        { element: 'RC4-SHA', start: 8, weaknesses: ['RC4'], exclude: ['RC4'] },
      ]);
      assert.deepEqual(findings('HIGH:DEFAULT'), [
        { element: 'HIGH', start: 0, weaknesses: ['anonymous'], exclude: ['anonymous'] },
      ]);
    });

    it('ignores unknown names, lower-case names, bad characters and @ commands', () => {
      assert.deepEqual(findings('HIGH:!aNULL:NOT-A-CIPHER'), []);
      assert.deepEqual(findings('rc4-sha:HIGH:!aNULL'), []);
      assert.deepEqual(findings('HIGH:!aNULL:RC4*'), []);
      assert.deepEqual(findings('HIGH:!aNULL:@STRENGTH:@SECLEVEL=2'), []);
      assert.deepEqual(analyzeCipherString('SUITEB128').enabled, [
        'ECDHE-ECDSA-AES256-GCM-SHA384',
        'ECDHE-ECDSA-AES128-GCM-SHA256',
      ]);
    });

    it('judges weak suite names it does not know by their name', () => {
      assert.deepEqual(findings('TLS_RSA_WITH_RC4_128_SHA:HIGH:!aNULL'), [
        { element: 'TLS_RSA_WITH_RC4_128_SHA', start: 0, weaknesses: ['RC4'], exclude: ['RC4'] },
      ]);
      assert.deepEqual(findings('KRB5-DES-CBC3-SHA'), [
        { element: 'KRB5-DES-CBC3-SHA', start: 0, weaknesses: ['3DES'], exclude: ['3DES'] },
      ]);
      assert.deepEqual(findings('EXP1024-RC4-SHA:!RC4'), []);
      assert.deepEqual(findings('TLS_DH_anon_WITH_AES_128_CBC_SHA:!aNULL'), []);
    });

    it('accepts every separator OpenSSL accepts', () => {
      assert.deepEqual(findings('HIGH !aNULL,RC4-SHA;+SHA'), [
        { element: 'RC4-SHA', start: 12, weaknesses: ['RC4'], exclude: ['RC4'] },
      ]);
    });
  });

  describe('removalRange', () => {
    it('removes an element with the separator after it, or before it at the end', () => {
      const value = 'HIGH:RC4-SHA:!aNULL';
      const [middle] = analyzeCipherString(value).findings;
      assert.deepEqual(removalRange(value, middle!.element), [5, 13]);
      const last = 'HIGH:!aNULL:RC4-SHA';
      const [end] = analyzeCipherString(last).findings;
      assert.deepEqual(removalRange(last, end!.element), [11, 19]);
    });
  });

  it('joins lists', () => {
    assert.equal(joinList(['RC4']), 'RC4');
    assert.equal(joinList(['RC4', '3DES']), 'RC4 and 3DES');
    assert.equal(joinList(['NULL', 'RC4', '3DES']), 'NULL, RC4 and 3DES');
  });
});
