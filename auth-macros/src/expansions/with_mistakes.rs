::core::compile_error! {
    "unknown key `vendr` in `#[login_endpoint(...)]`; did you mean `vendor`? the keys are: vendor, base_url, path, method, content_type, body, header, constant, query, cookie, response, token, refresh_token, expires_at, expires_in, refresh_expires_at, refresh_expires_in, lifetime, idle_timeout, lockout, error_body, status, body_failure, refreshes, refresh"
}
::core::compile_error! {
    "`2 hours` is not a duration; did you mean `2h`? write a number with a unit: `30s`, `5m`, `2h`, `1d` (or a sum such as `1h30m`)"
}
pub struct Login {
    scopes: Vec<String>,
    password: Secret,
}
#[automatically_derived]
impl ::core::default::Default for Login
where
    for<'__a> Login: ::auth_core::fields::LoginHasNoDefault,
{
    fn default() -> Self {
        <Login as ::auth_core::fields::LoginHasNoDefault>::__never()
    }
}
#[automatically_derived]
impl ::core::fmt::Debug for Login {
    fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        #[allow(unused_imports)]
        use ::auth_core::fields::{ShownWithDebug as _, ShownWithoutDebug as _};
        __f.debug_struct(::core::stringify!(Login))
            .field(
                ::core::stringify!(scopes),
                (&::auth_core::fields::ShownField(&self.scopes)).__shown(),
            )
            .field(::core::stringify!(password), &::core::format_args!("[REDACTED]"))
            .finish()
    }
}
impl Login {
    /// Starts building this login request.
    pub fn builder() -> LoginBuilder {
        LoginBuilder {
            scopes: ::auth_core::builder::Unset,
            password: ::auth_core::builder::Unset,
        }
    }
    /// Logs in (this declaration has mistakes, see the errors).
    ///
    /// Returns the [`Session`](::auth_core::Session), or an
    /// [`AuthError`](::auth_core::AuthError) whose kind is the same across vendors.
    pub async fn send(
        &self,
        client: &::auth_core::LoginClient,
    ) -> ::core::result::Result<
        ::auth_core::Session<LoginResponse>,
        ::auth_core::AuthError,
    > {
        let _ = client;
        ::core::unreachable!()
    }
    /// Logs in (this declaration has mistakes, see the errors).
    ///
    /// Returns the [`Session`](::auth_core::Session), or an
    /// [`AuthError`](::auth_core::AuthError) whose kind is the same across vendors.
    pub async fn send_to(
        &self,
        client: &::auth_core::LoginClient,
        base_url: &str,
    ) -> ::core::result::Result<
        ::auth_core::Session<LoginResponse>,
        ::auth_core::AuthError,
    > {
        let _ = (client, base_url);
        ::core::unreachable!()
    }
}
/// Builds a [`Login`]: call the setter of every required field (`scopes`, `password`) once, then [`build`](LoginBuilder::build).
///
/// Each type parameter, named after a required field, is [`Unset`](::auth_core::builder::Unset) until its setter is called and [`Set`](::auth_core::builder::Set) after.
#[must_use = "a builder does nothing until `build()` is called"]
#[allow(non_camel_case_types)]
pub struct LoginBuilder<
    scopes = ::auth_core::builder::Unset,
    password = ::auth_core::builder::Unset,
> {
    scopes: scopes,
    password: password,
}
/// The states of [`LoginBuilder`]'s required fields.
#[doc(hidden)]
#[allow(non_snake_case, non_camel_case_types)]
pub mod __LoginBuilder_states {
    #[diagnostic::on_unimplemented(
        message = "`Login` cannot be built yet: the required field `scopes` is not set",
        label = "`scopes` is not set",
        note = "call `.scopes(...)` on the builder before `.build()`"
    )]
    pub trait scopes_is_set {
        #[doc(hidden)]
        type Value;
        #[doc(hidden)]
        fn __value(self) -> Self::Value;
    }
    #[diagnostic::do_not_recommend]
    impl<__T> scopes_is_set for ::auth_core::builder::Set<__T> {
        type Value = __T;
        fn __value(self) -> __T {
            self.0
        }
    }
    #[diagnostic::on_unimplemented(
        message = "the required field `scopes` is already set",
        label = "`scopes` was set by an earlier `.scopes(...)`",
        note = "a setter is called once; remove one of the `.scopes(...)` calls"
    )]
    pub trait scopes_is_unset {}
    #[diagnostic::do_not_recommend]
    impl scopes_is_unset for ::auth_core::builder::Unset {}
    #[diagnostic::on_unimplemented(
        message = "`Login` cannot be built yet: the required field `password` is not set",
        label = "`password` is not set",
        note = "call `.password(...)` on the builder before `.build()`"
    )]
    pub trait password_is_set {
        #[doc(hidden)]
        type Value;
        #[doc(hidden)]
        fn __value(self) -> Self::Value;
    }
    #[diagnostic::do_not_recommend]
    impl<__T> password_is_set for ::auth_core::builder::Set<__T> {
        type Value = __T;
        fn __value(self) -> __T {
            self.0
        }
    }
    #[diagnostic::on_unimplemented(
        message = "the required field `password` is already set",
        label = "`password` was set by an earlier `.password(...)`",
        note = "a setter is called once; remove one of the `.password(...)` calls"
    )]
    pub trait password_is_unset {}
    #[diagnostic::do_not_recommend]
    impl password_is_unset for ::auth_core::builder::Unset {}
    #[diagnostic::on_unimplemented(
        message = "`Login` is sent once built: call `.build()` first",
        label = "this is `Login`'s builder, not a `Login`",
        note = "call `.build()` after the setters: `Login::builder()...build().send(&client)`"
    )]
    pub trait call_build_first {}
    #[doc(hidden)]
    pub enum __Never {}
    #[diagnostic::do_not_recommend]
    impl call_build_first for __Never {}
    #[diagnostic::on_unimplemented(
        message = "`Login` is already built: `.build()` is a method of its builder",
        label = "this is a `Login`, made by `.build()`",
        note = "remove this `.build()`; a `Login` is sent with `.send(&client)` or `.send_to(&client, base_url)`"
    )]
    pub trait already_built {}
    #[diagnostic::do_not_recommend]
    impl already_built for __Never {}
    #[diagnostic::on_unimplemented(
        message = "`.build()` returns the `Login` itself, not a `Result`: there is nothing to unwrap",
        label = "this is a `Login`",
        note = "remove this call: `.build()` compiles only once every required field is set, so it cannot fail"
    )]
    pub trait build_cannot_fail {}
    #[diagnostic::do_not_recommend]
    impl build_cannot_fail for __Never {}
    #[diagnostic::on_unimplemented(
        message = "`.scopes(...)` is a setter of `Login`'s builder, not of a built `Login`",
        label = "`Login` is already built here",
        note = "call `.scopes(...)` before `.build()`: `Login::builder()...scopes(...)...build()`"
    )]
    pub trait scopes_is_set_before_build {}
    #[diagnostic::do_not_recommend]
    impl scopes_is_set_before_build for __Never {}
    #[diagnostic::on_unimplemented(
        message = "`.password(...)` is a setter of `Login`'s builder, not of a built `Login`",
        label = "`Login` is already built here",
        note = "call `.password(...)` before `.build()`: `Login::builder()...password(...)...build()`"
    )]
    pub trait password_is_set_before_build {}
    #[diagnostic::do_not_recommend]
    impl password_is_set_before_build for __Never {}
}
#[doc(hidden)]
pub trait LoginSetters {
    #[doc(hidden)]
    fn scopes<__V>(&mut self, value: __V) -> &mut Self
    where
        for<'__any> Self: __LoginBuilder_states::scopes_is_set_before_build,
    {
        let _ = value;
        self
    }
    #[doc(hidden)]
    fn password<__V>(&mut self, value: __V) -> &mut Self
    where
        for<'__any> Self: __LoginBuilder_states::password_is_set_before_build,
    {
        let _ = value;
        self
    }
    #[doc(hidden)]
    fn build(&mut self) -> &mut Self
    where
        for<'__any> Self: __LoginBuilder_states::already_built,
    {
        self
    }
    #[doc(hidden)]
    fn unwrap(&mut self) -> &mut Self
    where
        for<'__any> Self: __LoginBuilder_states::build_cannot_fail,
    {
        self
    }
    #[doc(hidden)]
    fn expect(&mut self, message: &str) -> &mut Self
    where
        for<'__any> Self: __LoginBuilder_states::build_cannot_fail,
    {
        let _ = message;
        self
    }
}
impl LoginSetters for Login {}
#[allow(non_camel_case_types)]
impl<scopes, password> LoginBuilder<scopes, password> {
    /// Sets `scopes` (required; once).
    pub fn scopes(
        self,
        value: Vec<String>,
    ) -> LoginBuilder<::auth_core::builder::Set<Vec<String>>, password>
    where
        scopes: __LoginBuilder_states::scopes_is_unset,
    {
        LoginBuilder {
            scopes: ::auth_core::builder::Set(value),
            password: self.password,
        }
    }
    /// Sets `password` (required; once).
    pub fn password(
        self,
        value: impl ::auth_core::builder::FieldValue<Secret>,
    ) -> LoginBuilder<scopes, ::auth_core::builder::Set<Secret>>
    where
        password: __LoginBuilder_states::password_is_unset,
    {
        LoginBuilder {
            scopes: self.scopes,
            password: ::auth_core::builder::Set(
                ::auth_core::builder::FieldValue::into_field(value),
            ),
        }
    }
    /// Builds the request. Available once every required field is set.
    pub fn build(self) -> Login
    where
        scopes: __LoginBuilder_states::scopes_is_set<Value = Vec<String>>,
        password: __LoginBuilder_states::password_is_set<Value = Secret>,
    {
        Login {
            scopes: <scopes as __LoginBuilder_states::scopes_is_set>::__value(
                self.scopes,
            ),
            password: <password as __LoginBuilder_states::password_is_set>::__value(
                self.password,
            ),
        }
    }
    #[doc(hidden)]
    pub fn send(
        self,
        client: &::auth_core::LoginClient,
    ) -> ::auth_core::__private::NotBuilt<LoginResponse>
    where
        for<'__any> Self: __LoginBuilder_states::call_build_first,
    {
        let _ = client;
        ::auth_core::__private::NotBuilt::new("Login")
    }
    #[doc(hidden)]
    pub fn send_to(
        self,
        client: &::auth_core::LoginClient,
        base_url: &str,
    ) -> ::auth_core::__private::NotBuilt<LoginResponse>
    where
        for<'__any> Self: __LoginBuilder_states::call_build_first,
    {
        let _ = (client, base_url);
        ::auth_core::__private::NotBuilt::new("Login")
    }
}
#[diagnostic::do_not_recommend]
#[allow(non_camel_case_types)]
impl<scopes, password> ::auth_core::DeclaredBaseUrl for LoginBuilder<scopes, password> {}
#[automatically_derived]
#[allow(non_camel_case_types)]
impl<scopes: ::core::fmt::Debug, password: ::core::fmt::Debug> ::core::fmt::Debug
for LoginBuilder<scopes, password> {
    fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        #[allow(unused_imports)]
        use ::auth_core::fields::{ShownWithDebug as _, ShownWithoutDebug as _};
        __f.debug_struct(::core::stringify!(LoginBuilder))
            .field(::core::stringify!(scopes), &self.scopes)
            .field(::core::stringify!(password), &self.password)
            .finish()
    }
}
#[automatically_derived]
impl ::auth_core::__private::LoginRequest for Login {
    fn __describe<'__a>(
        &'__a self,
        __parts: &mut ::auth_core::__private::RequestParts<'__a>,
    ) {
        let _ = __parts;
    }
    fn __secrets(&self, __secret: &mut dyn ::core::ops::FnMut(&str)) {
        let _ = __secret;
    }
}
#[automatically_derived]
#[diagnostic::do_not_recommend]
impl ::auth_core::LoginEndpoint for Login {
    type Response = LoginResponse;
    type ErrorBody = ::auth_core::NoErrorBody;
    type Itself = Self;
    const SPEC: &'static ::auth_core::EndpointSpec = &::auth_core::__private::STAND_IN_SPEC;
    fn __decode(
        __body: &[u8],
    ) -> ::core::result::Result<
        Self::Response,
        ::auth_core::__private::serde_json::Error,
    > {
        let _ = __body;
        ::core::unreachable!()
    }
    fn __body_failed(__response: &Self::Response) -> bool {
        let _ = __response;
        ::core::unreachable!()
    }
    fn __credentials(
        __response: &Self::Response,
    ) -> ::auth_core::__private::BodyValues<'_> {
        let _ = __response;
        ::core::unreachable!()
    }
}
#[automatically_derived]
#[diagnostic::do_not_recommend]
impl ::auth_core::DeclaredBaseUrl for Login {}
#[allow(dead_code, unused_variables, unreachable_code, non_snake_case)]
const _: () = {
    fn __response(__response: &LoginResponse) {
        let _: ::auth_core::__private::BodyValues<'_> = ::auth_core::__private::BodyValues {
            token: '__walk: {
                #[allow(unused_imports)]
                use ::auth_core::__private::Present as _;
                let __v = __response;
                let __v = &__v.data;
                let __v = match ::auth_core::__private::Step(__v).enter() {
                    ::core::option::Option::Some(__s) => __s,
                    ::core::option::Option::None => {
                        break '__walk ::core::option::Option::None;
                    }
                };
                let __p = {
                    #[allow(unused_imports)]
                    use ::auth_core::fields::{ListProbe as _, RecordProbe as _};
                    let __p = (&::auth_core::fields::Probe(__v)).walk();
                    ::auth_core::fields::FieldStep::__check(__p);
                    __p
                };
                let __v = match ::auth_core::fields::HasFields::element(__p) {
                    ::core::option::Option::Some(__s) => __s,
                    ::core::option::Option::None => {
                        break '__walk ::core::option::Option::None;
                    }
                };
                let __v = &__v.token;
                ::auth_core::fields::TokenField::token(__v)
            },
            refresh_token: ::core::option::Option::None,
            expiry: ::auth_core::__private::ExpiryValue::Absent,
            refresh_expiry: ::auth_core::__private::ExpiryValue::Absent,
        };
        let _: bool = false;
    }
    fn __decode(__body: &[u8]) {
        let _ = <LoginResponse as ::auth_core::ResponseBody>::__decode(__body);
    }
    fn __request(__self: &Login) {
        let _ = <Vec<String> as ::auth_core::TextValue>::__as_dyn(&__self.scopes);
    }
};
