import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import {
  comparisonBound,
  isAdvisoryName,
  isMinLengthKey,
  isMinLengthSettingName,
  isPasswordCheckName,
  isPasswordFieldName,
  isPasswordRulesName,
  isWeakMinimum,
  minimumFromComparison,
  nameIntent,
} from '../../src/detectors/password-policy.js';

describe('detectors/password-policy', () => {
  it('names the fields that hold a password being chosen', () => {
    for (const name of ['password', 'newPassword', 'new_password', 'user_password', 'ownerPassword', 'passwd', 'pwd', 'pw', 'password1', 'PASSWORD']) {
      assert.ok(isPasswordFieldName(name), name);
    }
    for (const name of [
      'password_hash', 'hashedPassword', 'confirmPassword', 'password_confirm', 'password2', 'currentPassword', 'old_password',
      'DB_PASSWORD', 'smtpPassword', 'showPassword', 'resetPassword', 'passwordResetToken', 'password_length', 'username', 'pass',
    ]) {
      assert.ok(!isPasswordFieldName(name), name);
    }
  });

  it('names the things that hold a password policy', () => {
    for (const name of ['password', 'passwordSchema', 'PasswordField', 'password_policy', 'passwordRules', 'PasswordStr']) {
      assert.ok(isPasswordRulesName(name), name);
    }
    for (const name of ['loginSchema', 'passwordHashSchema', 'confirmPasswordSchema', 'schema']) assert.ok(!isPasswordRulesName(name), name);
  });

  it('names length settings, not other password settings', () => {
    for (const name of ['PASSWORD_MIN_LENGTH', 'MIN_PASSWORD_LENGTH', 'minPasswordLength', 'MinimumPasswordLength', 'AUTH_PASSWORD_MIN_LENGTH', 'PASSWORD_MIN_LEN']) {
      assert.ok(isMinLengthSettingName(name), name);
    }
    for (const name of ['PASSWORD_MAX_LENGTH', 'PASSWORD_MIN_AGE', 'PASSWORD_MIN_DIGITS', 'PASSWORD_LENGTH', 'MIN_LENGTH', 'minPwLength']) {
      assert.ok(!isMinLengthSettingName(name), name);
    }
  });

  it('reads minimum-length keys', () => {
    for (const key of ['minLength', 'min_length', 'minlength', 'MinimumLength', 'min', 'minimum_length']) assert.ok(isMinLengthKey(key), key);
    for (const key of ['maxLength', 'minimumUppercase', 'length']) assert.ok(!isMinLengthKey(key), key);
  });

  it('reads comparisons as minimums', () => {
    assert.equal(minimumFromComparison('<', true, 8), 8);
    assert.equal(minimumFromComparison('<=', true, 7), 8);
    assert.equal(minimumFromComparison('>=', true, 8), 8);
    assert.equal(minimumFromComparison('>', true, 7), 8);
    assert.equal(minimumFromComparison('>', false, 8), 8);
    assert.equal(minimumFromComparison('<=', false, 8), 8);
    assert.equal(minimumFromComparison('==', true, 8), undefined);
    assert.equal(comparisonBound('<=', true, 12), 11);
    assert.equal(comparisonBound('<', true, 12), 12);
    assert.equal(comparisonBound('<', false, 12), 11);
  });

  it('tells a policy from a presence check', () => {
    assert.ok(isWeakMinimum(8, 12));
    assert.ok(!isWeakMinimum(1, 12));
    assert.ok(!isWeakMinimum(0, 12));
    assert.ok(!isWeakMinimum(12, 12));
    assert.ok(!isWeakMinimum(129, 12));
  });

  it('reads login and policy intent from names', () => {
    assert.equal(nameIntent('LoginRequest', false), 'login');
    assert.equal(nameIntent('signInSchema', false), 'login');
    assert.equal(nameIntent('/auth/login', false), 'login');
    assert.equal(nameIntent('AuthForm', true), 'login');
    assert.equal(nameIntent('AuthController', false), undefined);
    assert.equal(nameIntent('RegisterForm', false), 'policy');
    assert.equal(nameIntent('sign_up', false), 'policy');
    assert.equal(nameIntent('UserCreate', true), 'policy');
    assert.equal(nameIntent('UserSchema', true), undefined);
  });

  it('names password checks and strength meters', () => {
    assert.ok(isPasswordCheckName('validate_password'));
    assert.ok(isPasswordCheckName('isStrongPassword'));
    assert.ok(!isPasswordCheckName('verifyPassword'));
    assert.ok(!isPasswordCheckName('hash_password'));
    assert.ok(isAdvisoryName('getPasswordStrength'));
    assert.ok(isAdvisoryName('isLikelyRealPassword'));
    assert.ok(!isAdvisoryName('validatePasswordStrength'));
    assert.ok(!isAdvisoryName('validatePassword'));
  });
});
