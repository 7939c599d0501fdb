import rule from '../../src/rules/require-strong-password-policy.js';
import { javascriptTester, languageTester } from '../rule-testers.js';

javascriptTester().run('require-strong-password-policy', rule, {
  valid: [
    // Minimums of 12 or more.
    'const schema = z.object({ email: z.string().email(), password: z.string().min(12) });',
    'const schema = z.object({ password: z.string().min(16).max(128) });',
    'const schema = z.object({ password: z.string().min(8).min(12) });',
    'const schema = Joi.object({ password: Joi.string().min(12).required() });',
    'class CreateUserDto { @MinLength(12) password: string; }',
    'class CreateUserDto { @IsStrongPassword({ minLength: 14 }) password: string; }',
    'const userSchema = new Schema({ password: { type: String, required: true, minlength: 12 } });',
    'const passwordPolicy = { minLength: 12, requireUppercase: true };',
    'const PASSWORD_MIN_LENGTH = 12;',
    'const MIN_LENGTH = 12;\nif (password.length < MIN_LENGTH) throw new Error("too short");',
    'if (password.length < 12) throw new Error("too short");',
    'if (password.length <= 11) throw new Error("too short");',
    'const ok = isStrongPassword(password, { minLength: 12 });',
    'router.post("/register", body("password").isLength({ min: 12 }), register);',
    // Presence checks: a minimum of 1 says "required".
    'const schema = z.object({ password: z.string().min(1, "Password is required") });',
    'const schema = z.object({ password: z.string().nonempty() });',
    'if (password.length > 0) submit();',
    'if (password.length === 0) return;',
    // Login forms and handlers: a minimum there checks presence, not a policy.
    'const loginSchema = z.object({ email: z.string().email(), password: z.string().min(8) });',
    'const signInSchema = z.object({ password: z.string().min(6) });',
    'export const authFormSchema = z.object({ username: z.string(), password: z.string().min(8) });',
    'const schemas = { login: z.object({ password: z.string().min(8) }) };',
    'const schema = z.object({ email: z.string().email(), password: z.string().min(8) });\nexport function LoginForm() {\n  return useForm({ resolver: zodResolver(schema) });\n}',
    'class LoginDto { @IsString() @MinLength(8) password: string; }',
    'router.post("/login", body("password").isLength({ min: 6 }), login);',
    'function handleLogin(password) { if (password.length < 8) return "Invalid credentials"; }',
    // Values the rule cannot know.
    'const schema = z.object({ password: z.string().min(Number(process.env.PASSWORD_MIN_LENGTH)) });',
    'const MIN_PASSWORD_LENGTH = parseInt(process.env.MIN_PASSWORD_LENGTH ?? "12", 10);',
    'export const makeSchema = (minLength: number) => z.object({ password: z.string().min(minLength) });',
    'let MIN = 8;\nMIN = 12;\nconst schema = z.object({ password: z.string().min(MIN) });',
    // Maximums, other dimensions of the policy, other fields.
    'if (password.length > 128) throw new Error("too long");',
    'const schema = z.object({ password: z.string().max(8) });',
    'const PASSWORD_MAX_LENGTH = 64;',
    'const PASSWORD_MIN_AGE_DAYS = 1;',
    'const passwordPolicy = { minimumUppercase: 1, minimumDigits: 2 };',
    'const schema = z.object({ username: z.string().min(3), name: z.string().min(2), pin: z.string().min(4) });',
    'if (username.length < 3) throw new Error("too short");',
    'router.post("/register", body("username").isLength({ min: 3 }), register);',
    'const ok = validator.isLength(username, { min: 3 });',
    'function validateUsername(value) { return value.length >= 3; }',
    // Not the password being chosen: its hash, confirmation, the current one, a service credential.
    'const schema = z.object({ passwordHash: z.string().min(8) });',
    'const schema = z.object({ confirmPassword: z.string().min(8) });',
    'const schema = z.object({ currentPassword: z.string().min(8) });',
    'const env = z.object({ DB_PASSWORD: z.string().min(8), SMTP_PASSWORD: z.string().min(8) });',
    'function verifyPassword(plain, hash) { if (plain.length < 8) return false; return compare(plain, hash); }',
    // `.min()` on something that is not a string schema.
    'const schema = z.object({ password: z.number().min(8) });',
    'const values = { password: range.min(8) };',
    // Strength meters score, they do not enforce.
    'function getPasswordStrength(password) { let score = 0; if (password.length >= 8) score++; return score; }',
    'function isLikelyRealPassword(password) { if (password.length < 4) return false; return true; }',
    // Client-side attributes are not a policy (documented).
    { code: 'const field = <input type="password" minLength={8} />;', filename: 'x.tsx' },
    // Generators and fixtures: their options are not a policy.
    'const user = { password: faker.string.alphanumeric({ length: { min: 8, max: 16 } }) };',
    'const data = { password: generatePassword(8) };',
    // Unrelated lengths.
    'tokens.filter((token) => token.length < 8);',
    'const schema = z.object({ password: z.string().refine((value) => value.length >= 12) });',
  ],
  invalid: [
    {
      code: 'const schema = z.object({ email: z.string().email(), password: z.string().min(8) });',
      errors: [
        {
          messageId: 'weakMinimum',
          data: { actual: '8', minimum: '12', validator: '' },
          line: 1,
          column: 79,
          endLine: 1,
          endColumn: 80,
          suggestions: [
            {
              messageId: 'raiseMinimum',
              output: 'const schema = z.object({ email: z.string().email(), password: z.string().min(12) });',
            },
          ],
        },
      ],
    },
    {
      // A neutral schema used by registration code is a policy.
      code: 'const schema = z.object({ password: z.string().min(8) });\nexport function SignupForm() {\n  return useForm({ resolver: zodResolver(schema) });\n}',
      errors: [
        {
          messageId: 'weakMinimum',
          line: 1,
          column: 52,
          endLine: 1,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'raiseMinimum',
              output: 'const schema = z.object({ password: z.string().min(12) });\nexport function SignupForm() {\n  return useForm({ resolver: zodResolver(schema) });\n}',
            },
          ],
        },
      ],
    },
    {
      code: 'const registerSchema = Joi.object({ password: Joi.string().min(6).max(128).required() });',
      errors: [
        {
          messageId: 'weakMinimum',
          line: 1,
          column: 64,
          endLine: 1,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'raiseMinimum',
              output: 'const registerSchema = Joi.object({ password: Joi.string().min(12).max(128).required() });',
            },
          ],
        },
      ],
    },
    {
      code: 'const schema = yup.object({ newPassword: yup.string().required().min(10, "Too short") });',
      errors: [
        {
          messageId: 'weakMinimum',
          data: { actual: '10', minimum: '12', validator: '' },
          line: 1,
          column: 70,
          endLine: 1,
          endColumn: 72,
          suggestions: [
            {
              messageId: 'raiseMinimum',
              output: 'const schema = yup.object({ newPassword: yup.string().required().min(12, "Too short") });',
            },
          ],
        },
      ],
    },
    {
      code: 'const RegisterSchema = v.object({ password: v.pipe(v.string(), v.minLength(8)) });',
      errors: [
        {
          messageId: 'weakMinimum',
          line: 1,
          column: 76,
          endLine: 1,
          endColumn: 77,
          suggestions: [{ messageId: 'raiseMinimum', output: 'const RegisterSchema = v.object({ password: v.pipe(v.string(), v.minLength(12)) });' }],
        },
      ],
    },
    {
      code: 'class CreateUserDto {\n  @IsString()\n  @MinLength(8)\n  password: string;\n}',
      errors: [
        {
          messageId: 'weakMinimum',
          line: 3,
          column: 14,
          endLine: 3,
          endColumn: 15,
          suggestions: [{ messageId: 'raiseMinimum', output: 'class CreateUserDto {\n  @IsString()\n  @MinLength(12)\n  password: string;\n}' }],
        },
      ],
    },
    {
      code: 'class CreateUserDto {\n  @IsStrongPassword()\n  password: string;\n}',
      errors: [
        {
          messageId: 'weakDefaultMinimum',
          data: { actual: '8', minimum: '12', validator: '@IsStrongPassword()' },
          line: 2,
          column: 4,
          endLine: 2,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'setMinimum',
              output: 'class CreateUserDto {\n  @IsStrongPassword({ minLength: 12 })\n  password: string;\n}',
            },
          ],
        },
      ],
    },
    {
      code: 'class CreateUserDto {\n  @IsStrongPassword({ minSymbols: 1 })\n  password: string;\n}',
      errors: [
        {
          messageId: 'weakDefaultMinimum',
          line: 2,
          column: 4,
          endLine: 2,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'setMinimum',
              output: 'class CreateUserDto {\n  @IsStrongPassword({ minLength: 12, minSymbols: 1 })\n  password: string;\n}',
            },
          ],
        },
      ],
    },
    {
      code: 'if (!validator.isStrongPassword(password)) throw new Error("weak");',
      errors: [
        {
          messageId: 'weakDefaultMinimum',
          data: { actual: '8', minimum: '12', validator: 'isStrongPassword()' },
          line: 1,
          column: 6,
          endLine: 1,
          endColumn: 42,
          suggestions: [
            { messageId: 'setMinimum', output: 'if (!validator.isStrongPassword(password, { minLength: 12 })) throw new Error("weak");' },
          ],
        },
      ],
    },
    {
      code: 'router.post("/register", body("password").isLength({ min: 6 }), register);',
      errors: [
        {
          messageId: 'weakMinimum',
          line: 1,
          column: 59,
          endLine: 1,
          endColumn: 60,
          suggestions: [{ messageId: 'raiseMinimum', output: 'router.post("/register", body("password").isLength({ min: 12 }), register);' }],
        },
      ],
    },
    {
      code: 'if (password.length < 8) throw new Error("Password too short");',
      errors: [
        {
          messageId: 'weakMinimum',
          line: 1,
          column: 23,
          endLine: 1,
          endColumn: 24,
          suggestions: [{ messageId: 'raiseMinimum', output: 'if (password.length < 12) throw new Error("Password too short");' }],
        },
      ],
    },
    {
      // `<= 7` rejects 7 characters and accepts 8: raising it keeps the operator.
      code: 'if (req.body.password.length <= 7) return res.status(400).end();',
      errors: [
        {
          messageId: 'weakMinimum',
          data: { actual: '8', minimum: '12', validator: '' },
          line: 1,
          column: 33,
          endLine: 1,
          endColumn: 34,
          suggestions: [{ messageId: 'raiseMinimum', output: 'if (req.body.password.length <= 11) return res.status(400).end();' }],
        },
      ],
    },
    {
      code: 'if (8 > values.newPassword.length) errors.push("short");',
      errors: [
        {
          messageId: 'weakMinimum',
          line: 1,
          column: 5,
          endLine: 1,
          endColumn: 6,
          suggestions: [{ messageId: 'raiseMinimum', output: 'if (12 > values.newPassword.length) errors.push("short");' }],
        },
      ],
    },
    {
      code: 'function validatePassword(value: string): boolean {\n  return value.length >= 8;\n}',
      errors: [
        {
          messageId: 'weakMinimum',
          line: 2,
          column: 26,
          endLine: 2,
          endColumn: 27,
          suggestions: [{ messageId: 'raiseMinimum', output: 'function validatePassword(value: string): boolean {\n  return value.length >= 12;\n}' }],
        },
      ],
    },
    {
      code: 'const schema = z.object({ password: z.string().refine((value) => value.length >= 8, "Too short") });',
      errors: [
        {
          messageId: 'weakMinimum',
          line: 1,
          column: 82,
          endLine: 1,
          endColumn: 83,
          suggestions: [
            { messageId: 'raiseMinimum', output: 'const schema = z.object({ password: z.string().refine((value) => value.length >= 12, "Too short") });' },
          ],
        },
      ],
    },
    {
      code: 'export const PASSWORD_MIN_LENGTH = 8;',
      errors: [
        {
          messageId: 'weakMinimum',
          line: 1,
          column: 36,
          endLine: 1,
          endColumn: 37,
          suggestions: [{ messageId: 'raiseMinimum', output: 'export const PASSWORD_MIN_LENGTH = 12;' }],
        },
      ],
    },
    {
      // Reported where the setting is declared, not again where it is used.
      code: 'const PASSWORD_MIN_LENGTH = 8;\nconst schema = z.object({ password: z.string().min(PASSWORD_MIN_LENGTH) });',
      errors: [
        {
          messageId: 'weakMinimum',
          line: 1,
          column: 29,
          endLine: 1,
          endColumn: 30,
          suggestions: [
            { messageId: 'raiseMinimum', output: 'const PASSWORD_MIN_LENGTH = 12;\nconst schema = z.object({ password: z.string().min(PASSWORD_MIN_LENGTH) });' },
          ],
        },
      ],
    },
    {
      code: 'const MIN = 4 * 2;\nconst schema = z.object({ password: z.string().min(MIN) });',
      errors: [
        {
          messageId: 'weakMinimum',
          line: 2,
          column: 52,
          endLine: 2,
          endColumn: 55,
          suggestions: [{ messageId: 'raiseMinimum', output: 'const MIN = 4 * 2;\nconst schema = z.object({ password: z.string().min(12) });' }],
        },
      ],
    },
    {
      code: 'const userSchema = new Schema({ password: { type: String, minlength: [8, "Too short"] } });',
      errors: [
        {
          messageId: 'weakMinimum',
          line: 1,
          column: 71,
          endLine: 1,
          endColumn: 72,
          suggestions: [{ messageId: 'raiseMinimum', output: 'const userSchema = new Schema({ password: { type: String, minlength: [12, "Too short"] } });' }],
        },
      ],
    },
    {
      code: 'const schema = { type: "object", properties: { password: { type: "string", minLength: 8 } } };',
      errors: [
        {
          messageId: 'weakMinimum',
          line: 1,
          column: 87,
          endLine: 1,
          endColumn: 88,
          suggestions: [{ messageId: 'raiseMinimum', output: 'const schema = { type: "object", properties: { password: { type: "string", minLength: 12 } } };' }],
        },
      ],
    },
    {
      code: 'const form = this.fb.group({ password: ["", [Validators.required, Validators.minLength(8)]] });',
      errors: [
        {
          messageId: 'weakMinimum',
          line: 1,
          column: 88,
          endLine: 1,
          endColumn: 89,
          suggestions: [{ messageId: 'raiseMinimum', output: 'const form = this.fb.group({ password: ["", [Validators.required, Validators.minLength(12)]] });' }],
        },
      ],
    },
    {
      code: 'class SignupComponent {\n  password = new FormControl("", [Validators.required, Validators.minLength(6)]);\n}',
      errors: [
        {
          messageId: 'weakMinimum',
          line: 2,
          column: 77,
          endLine: 2,
          endColumn: 78,
          suggestions: [
            {
              messageId: 'raiseMinimum',
              output: 'class SignupComponent {\n  password = new FormControl("", [Validators.required, Validators.minLength(12)]);\n}',
            },
          ],
        },
      ],
    },
    {
      code: 'export const auth = betterAuth({ emailAndPassword: { enabled: true, minPasswordLength: 8 } });',
      errors: [
        {
          messageId: 'weakMinimum',
          line: 1,
          column: 88,
          endLine: 1,
          endColumn: 89,
          suggestions: [{ messageId: 'raiseMinimum', output: 'export const auth = betterAuth({ emailAndPassword: { enabled: true, minPasswordLength: 12 } });' }],
        },
      ],
    },
    {
      code: 'new cognito.UserPool(this, "Users", { passwordPolicy: { minLength: 8, requireDigits: true } });',
      errors: [
        {
          messageId: 'weakMinimum',
          line: 1,
          column: 68,
          endLine: 1,
          endColumn: 69,
          suggestions: [{ messageId: 'raiseMinimum', output: 'new cognito.UserPool(this, "Users", { passwordPolicy: { minLength: 12, requireDigits: true } });' }],
        },
      ],
    },
    {
      // The option raises the bar.
      code: 'const schema = z.object({ password: z.string().min(12) });',
      options: [{ minLength: 15 }],
      errors: [
        {
          messageId: 'weakMinimum',
          data: { actual: '12', minimum: '15', validator: '' },
          line: 1,
          column: 52,
          endLine: 1,
          endColumn: 54,
          suggestions: [{ messageId: 'raiseMinimum', output: 'const schema = z.object({ password: z.string().min(15) });' }],
        },
      ],
    },
  ],
});

languageTester('python').run('require-strong-password-policy', rule as never, {
  valid: [
    // The guide's own examples.
    'class UserRegister(BaseModel):\n    email: EmailStr\n    password: constr(min_length=12)\n    name: constr(max_length=255)\n',
    'def validate_password(password: str) -> bool:\n    if len(password) < 12:\n        return False\n    return True\n',
    // Minimums of 12 or more, and settings that reach 12.
    'class UserCreate(BaseModel):\n    password: str = Field(..., min_length=16, max_length=128)\n',
    'PASSWORD_MIN_LENGTH = 12\n',
    'MIN = 12\nclass UserCreate(BaseModel):\n    password: SecretStr = Field(min_length=MIN)\n',
    "AUTH_PASSWORD_VALIDATORS = [\n    {'NAME': 'django.contrib.auth.password_validation.MinimumLengthValidator', 'OPTIONS': {'min_length': 12}},\n]\n",
    "AUTH_PASSWORD_VALIDATORS = [\n    {'NAME': 'django.contrib.auth.password_validation.CommonPasswordValidator'},\n]\n",
    'validators = [MinimumLengthValidator(min_length=14)]\n',
    'if 12 <= len(password) <= 128:\n    pass\n',
    // Presence checks.
    'class UserCreate(BaseModel):\n    password: str = Field(..., min_length=1)\n',
    'if len(password) == 0:\n    raise ValueError("required")\n',
    'if len(password) > 0:\n    submit()\n',
    // Login forms and endpoints.
    'class LoginRequest(BaseModel):\n    password: constr(min_length=8)\n',
    "class LoginForm(FlaskForm):\n    password = PasswordField('Password', validators=[DataRequired(), Length(min=8)])\n",
    '@router.post("/login")\nasync def login(password: str = Form(..., min_length=8)):\n    pass\n',
    'def sign_in(password):\n    if len(password) < 8:\n        return None\n',
    'class AuthenticationForm(forms.Form):\n    password = forms.CharField(min_length=8)\n',
    // Values the rule cannot know.
    'PASSWORD_MIN_LENGTH = int(os.getenv("PASSWORD_MIN_LENGTH", "12"))\n',
    'if len(password) < settings.PASSWORD_MIN_LENGTH:\n    raise ValueError("short")\n',
    'MIN = 8\nMIN = 12\nclass UserCreate(BaseModel):\n    password: str = Field(min_length=MIN)\n',
    'def make(min_length):\n    return constr(min_length=min_length)\n',
    // Maximums, other fields, other dimensions.
    'if len(password) > 128:\n    raise ValueError("too long")\n',
    'class UserCreate(BaseModel):\n    username: str = Field(min_length=3)\n    name: constr(max_length=255)\n',
    'if len(username) < 3:\n    raise ValueError("short")\n',
    'PASSWORD_MIN_DIGITS = 1\nPASSWORD_MAX_LENGTH = 64\n',
    // Not the password being chosen.
    'class UserCreate(BaseModel):\n    password_hash: str = Field(min_length=8)\n    password_confirm: str = Field(min_length=8)\n',
    'class ChangePassword(BaseModel):\n    current_password: str = Field(min_length=8)\n    new_password: str = Field(min_length=12)\n',
    'class SignupForm(forms.Form):\n    password1 = forms.CharField(min_length=12)\n    password2 = forms.CharField(min_length=8)\n',
    'class Settings(BaseSettings):\n    db_password: str = Field(min_length=8)\n    smtp_password: str = Field(min_length=8)\n',
    // Generators: their options are not a policy.
    'password = generate_password(min_length=8)\n',
    'password = factory.Faker("password", length=8)\n',
    // Strength meters and guessers.
    'def password_strength(password):\n    score = 0\n    if len(password) >= 8:\n        score += 1\n    return score\n',
    'for token in tokens:\n    if len(token) < 3:\n        continue\n',
  ],
  invalid: [
    {
      code: 'class UserRegister(BaseModel):\n    email: EmailStr\n    password: constr(min_length=8)\n',
      errors: [
        {
          messageId: 'weakMinimum',
          data: { actual: '8', minimum: '12', validator: '' },
          line: 3,
          column: 33,
          endLine: 3,
          endColumn: 34,
          suggestions: [
            { messageId: 'raiseMinimum', output: 'class UserRegister(BaseModel):\n    email: EmailStr\n    password: constr(min_length=12)\n' },
          ],
        },
      ],
    },
    {
      code: 'class UserCreate(BaseModel):\n    password: str = Field(..., min_length=8, max_length=128)\n',
      errors: [
        {
          messageId: 'weakMinimum',
          line: 2,
          column: 43,
          endLine: 2,
          endColumn: 44,
          suggestions: [
            { messageId: 'raiseMinimum', output: 'class UserCreate(BaseModel):\n    password: str = Field(..., min_length=12, max_length=128)\n' },
          ],
        },
      ],
    },
    {
      code: 'class UserCreate(BaseModel):\n    new_password: Annotated[str, StringConstraints(min_length=10)]\n',
      errors: [
        {
          messageId: 'weakMinimum',
          data: { actual: '10', minimum: '12', validator: '' },
          line: 2,
          column: 63,
          endLine: 2,
          endColumn: 65,
          suggestions: [
            { messageId: 'raiseMinimum', output: 'class UserCreate(BaseModel):\n    new_password: Annotated[str, StringConstraints(min_length=12)]\n' },
          ],
        },
      ],
    },
    {
      code: 'def validate_password(password: str) -> bool:\n    if len(password) < 8:\n        return False\n    return True\n',
      errors: [
        {
          messageId: 'weakMinimum',
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 25,
          suggestions: [
            { messageId: 'raiseMinimum', output: 'def validate_password(password: str) -> bool:\n    if len(password) < 12:\n        return False\n    return True\n' },
          ],
        },
      ],
    },
    {
      code: 'def check(pw):\n    return len(pw) >= 6\n',
      errors: [
        {
          messageId: 'weakMinimum',
          data: { actual: '6', minimum: '12', validator: '' },
          line: 2,
          column: 23,
          endLine: 2,
          endColumn: 24,
          suggestions: [{ messageId: 'raiseMinimum', output: 'def check(pw):\n    return len(pw) >= 12\n' }],
        },
      ],
    },
    {
      // A pydantic validator's value parameter is the password; `<= 7` means a minimum of 8.
      code: 'class UserCreate(BaseModel):\n    @field_validator("password")\n    @classmethod\n    def strong(cls, v):\n        if len(v) <= 7:\n            raise ValueError("short")\n        return v\n',
      errors: [
        {
          messageId: 'weakMinimum',
          data: { actual: '8', minimum: '12', validator: '' },
          line: 5,
          column: 22,
          endLine: 5,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'raiseMinimum',
              output: 'class UserCreate(BaseModel):\n    @field_validator("password")\n    @classmethod\n    def strong(cls, v):\n        if len(v) <= 11:\n            raise ValueError("short")\n        return v\n',
            },
          ],
        },
      ],
    },
    {
      code: 'class RegistrationForm(FlaskForm):\n    def validate_password(self, field):\n        if len(field.data) < 8:\n            raise ValidationError("short")\n',
      errors: [
        {
          messageId: 'weakMinimum',
          line: 3,
          column: 30,
          endLine: 3,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'raiseMinimum',
              output: 'class RegistrationForm(FlaskForm):\n    def validate_password(self, field):\n        if len(field.data) < 12:\n            raise ValidationError("short")\n',
            },
          ],
        },
      ],
    },
    {
      code: "AUTH_PASSWORD_VALIDATORS = [\n    {'NAME': 'django.contrib.auth.password_validation.MinimumLengthValidator'},\n]\n",
      errors: [
        {
          messageId: 'weakDefaultMinimum',
          data: { actual: '8', minimum: '12', validator: 'MinimumLengthValidator' },
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 78,
          suggestions: [
            {
              messageId: 'setMinimum',
              output:
                "AUTH_PASSWORD_VALIDATORS = [\n    {'NAME': 'django.contrib.auth.password_validation.MinimumLengthValidator', 'OPTIONS': {'min_length': 12}},\n]\n",
            },
          ],
        },
      ],
    },
    {
      code: 'AUTH_PASSWORD_VALIDATORS = [\n    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 9}},\n]\n',
      errors: [
        {
          messageId: 'weakMinimum',
          data: { actual: '9', minimum: '12', validator: '' },
          line: 2,
          column: 106,
          endLine: 2,
          endColumn: 107,
          suggestions: [
            {
              messageId: 'raiseMinimum',
              output:
                'AUTH_PASSWORD_VALIDATORS = [\n    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},\n]\n',
            },
          ],
        },
      ],
    },
    {
      code: 'AUTH_PASSWORD_VALIDATORS = [\n    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {}},\n]\n',
      errors: [
        {
          messageId: 'weakDefaultMinimum',
          line: 2,
          column: 91,
          endLine: 2,
          endColumn: 93,
          suggestions: [
            {
              messageId: 'setMinimum',
              output:
                'AUTH_PASSWORD_VALIDATORS = [\n    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},\n]\n',
            },
          ],
        },
      ],
    },
    {
      code: 'validators = [MinimumLengthValidator()]\n',
      errors: [
        {
          messageId: 'weakDefaultMinimum',
          line: 1,
          column: 15,
          endLine: 1,
          endColumn: 39,
          suggestions: [{ messageId: 'setMinimum', output: 'validators = [MinimumLengthValidator(min_length=12)]\n' }],
        },
      ],
    },
    {
      code: 'PASSWORD_MIN_LENGTH = 8\n',
      errors: [
        {
          messageId: 'weakMinimum',
          line: 1,
          column: 23,
          endLine: 1,
          endColumn: 24,
          suggestions: [{ messageId: 'raiseMinimum', output: 'PASSWORD_MIN_LENGTH = 12\n' }],
        },
      ],
    },
    {
      // Reported at the setting, not again where it is used.
      code: 'MIN_PASSWORD_LENGTH = 8\n\ndef validate_password(password):\n    if len(password) < MIN_PASSWORD_LENGTH:\n        raise ValueError("short")\n',
      errors: [
        {
          messageId: 'weakMinimum',
          line: 1,
          column: 23,
          endLine: 1,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'raiseMinimum',
              output: 'MIN_PASSWORD_LENGTH = 12\n\ndef validate_password(password):\n    if len(password) < MIN_PASSWORD_LENGTH:\n        raise ValueError("short")\n',
            },
          ],
        },
      ],
    },
    {
      code: 'MIN_LEN = 4 * 2\n\nclass UserCreate(BaseModel):\n    password: str = Field(min_length=MIN_LEN)\n',
      errors: [
        {
          messageId: 'weakMinimum',
          line: 4,
          column: 38,
          endLine: 4,
          endColumn: 45,
          suggestions: [
            { messageId: 'raiseMinimum', output: 'MIN_LEN = 4 * 2\n\nclass UserCreate(BaseModel):\n    password: str = Field(min_length=12)\n' },
          ],
        },
      ],
    },
    {
      code: "class RegistrationForm(FlaskForm):\n    password = PasswordField('Password', [DataRequired(), Length(min=6, max=35)])\n",
      errors: [
        {
          messageId: 'weakMinimum',
          line: 2,
          column: 70,
          endLine: 2,
          endColumn: 71,
          suggestions: [
            {
              messageId: 'raiseMinimum',
              output: "class RegistrationForm(FlaskForm):\n    password = PasswordField('Password', [DataRequired(), Length(min=12, max=35)])\n",
            },
          ],
        },
      ],
    },
    {
      code: 'class UserSerializer(serializers.ModelSerializer):\n    password = serializers.CharField(write_only=True, min_length=8)\n',
      errors: [
        {
          messageId: 'weakMinimum',
          line: 2,
          column: 66,
          endLine: 2,
          endColumn: 67,
          suggestions: [
            {
              messageId: 'raiseMinimum',
              output: 'class UserSerializer(serializers.ModelSerializer):\n    password = serializers.CharField(write_only=True, min_length=12)\n',
            },
          ],
        },
      ],
    },
    {
      code: 'class UserSchema(Schema):\n    password = fields.Str(required=True, validate=validate.Length(min=8))\n',
      errors: [
        {
          messageId: 'weakMinimum',
          line: 2,
          column: 71,
          endLine: 2,
          endColumn: 72,
          suggestions: [
            {
              messageId: 'raiseMinimum',
              output: 'class UserSchema(Schema):\n    password = fields.Str(required=True, validate=validate.Length(min=12))\n',
            },
          ],
        },
      ],
    },
    {
      code: '@router.post("/register")\nasync def register(password: str = Form(..., min_length=8)):\n    pass\n',
      errors: [
        {
          messageId: 'weakMinimum',
          line: 2,
          column: 57,
          endLine: 2,
          endColumn: 58,
          suggestions: [
            { messageId: 'raiseMinimum', output: '@router.post("/register")\nasync def register(password: str = Form(..., min_length=12)):\n    pass\n' },
          ],
        },
      ],
    },
    {
      code: 'schema = {"type": "object", "properties": {"password": {"type": "string", "minLength": 8}}}\n',
      errors: [
        {
          messageId: 'weakMinimum',
          line: 1,
          column: 88,
          endLine: 1,
          endColumn: 89,
          suggestions: [
            { messageId: 'raiseMinimum', output: 'schema = {"type": "object", "properties": {"password": {"type": "string", "minLength": 12}}}\n' },
          ],
        },
      ],
    },
    {
      code: 'iam.update_account_password_policy(MinimumPasswordLength=8, RequireSymbols=True)\n',
      errors: [
        {
          messageId: 'weakMinimum',
          line: 1,
          column: 58,
          endLine: 1,
          endColumn: 59,
          suggestions: [{ messageId: 'raiseMinimum', output: 'iam.update_account_password_policy(MinimumPasswordLength=12, RequireSymbols=True)\n' }],
        },
      ],
    },
  ],
});
